import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/ui/page-header";
import { getPolicyVersion } from "@/lib/data/policies";
import { knownLanguages } from "@/lib/domain/localized-text";
import { orNotFound } from "@/lib/page";
import { requireAdminPage } from "../../../require-admin";
import { PolicyEditor } from "./policy-editor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminPolicyEdit");
  return { title: t("title") };
}

export default async function EditPolicyPage({ params }: { params: Promise<{ versionId: string }> }) {
  const actor = await requireAdminPage();
  const { versionId } = await params;
  const version = await orNotFound(async () => await getPolicyVersion(getDb(), actor, versionId));
  const t = await getTranslations("adminPolicyEdit");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/policies/${version.id}`} className="text-brand-700 underline">
          {t("back", { version: version.version })}
        </Link>
      </p>
      <PageHeader
        title={t("heading", { name: version.policy.name })}
        description={t("description", {
          version: version.version,
          next: version.version + 1,
          count: version.projectCount,
        })}
      />
      {version.isLatest ? (
        <PolicyEditor
          policyId={version.policy.id}
          versionId={version.id}
          version={version.version}
          gates={version.gates}
          sourceLanguage={knownLanguages(version.languages)[0]}
        />
      ) : (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t.rich("notLatest", {
            version: version.latestVersion,
            link: (chunks) => (
              <Link href="/admin/policies" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
    </>
  );
}
