// The administrator's single sign-on provisioning, on the organisations page: for each client
// organisation the email domains whose identities may create an account there, and in which role.
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { OrganizationSignOn } from "@/lib/domain/single-sign-on";
import { ProvisioningForm } from "./provisioning-form";

export async function OrganizationProvisioning({
  organizations,
  provisioning,
  configured,
}: {
  organizations: { id: string; name: string }[];
  provisioning: Map<string, OrganizationSignOn>;
  configured: boolean;
}) {
  const t = await getTranslations("singleSignOn");
  return (
    <Card title={t("provisioningTitle")} className="mt-6">
      <p className="mb-4 text-sm text-slate-600">{t("provisioningDescription")}</p>
      {configured ? null : (
        <p
          role="status"
          className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {t("notConfigured")}
        </p>
      )}
      {organizations.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noOrganisations")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {organizations.map((o) => (
            <li key={o.id} className="py-4 first:pt-0 last:pb-0">
              <ProvisioningForm organization={o} current={provisioning.get(o.id) ?? null} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
