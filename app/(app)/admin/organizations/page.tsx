import type { Metadata } from "next";
import { sql } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { getDb, rows } from "@/db/client";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listOrganizations } from "@/lib/data/accounts";
import { getFormat } from "@/lib/i18n/format-server";
import { requireAdminPage } from "../require-admin";
import { OrganizationForm } from "./organization-form";
import { OrganizationProvisioning } from "@/components/single-sign-on/organization-provisioning";
import { listOrganizationSignOn } from "@/lib/data/single-sign-on-provisioning";
import { singleSignOnSettings } from "@/lib/single-sign-on";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminOrganizations");
  return { title: t("title") };
}

export default async function OrganizationsPage() {
  const actor = await requireAdminPage();
  const t = await getTranslations("adminOrganizations");
  const format = await getFormat();
  const sector: Record<string, string> = {
    energy: t("sectorEnergy"),
    water: t("sectorWater"),
    gas: t("sectorGas"),
    telecom: t("sectorTelecom"),
    other: t("sectorOther"),
  };
  const db = getDb();
  const organizations = await listOrganizations(db, actor);
  const counts = new Map(
    (
      await rows<{ id: string; projects: number; accounts: number }>(
        db,
        sql`select o.id, (select count(*) from projects p where p.organization_id = o.id) as projects, (select
            count(*) from users u where u.organization_id = o.id) as accounts from client_organizations o`,
      )
    ).map((r) => [r.id, r]),
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("newOrganisation")} className="mb-6">
        <OrganizationForm />
      </Card>
      <Table caption={t("title")}>
        <thead>
          <tr>
            <Th>{t("name")}</Th>
            <Th>{t("sector")}</Th>
            <Th>{t("country")}</Th>
            <Th>{t("projects")}</Th>
            <Th>{t("accounts")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {organizations.map((o) => (
            <tr key={o.id}>
              <Td className="font-medium">{o.name}</Td>
              <Td>{sector[o.sector] ?? o.sector}</Td>
              <Td>{o.country}</Td>
              <Td>{format.number(Number(counts.get(o.id)?.projects ?? 0))}</Td>
              <Td>{format.number(Number(counts.get(o.id)?.accounts ?? 0))}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <OrganizationProvisioning
        organizations={organizations}
        provisioning={await listOrganizationSignOn(db, actor)}
        configured={singleSignOnSettings() !== null}
      />
    </>
  );
}
