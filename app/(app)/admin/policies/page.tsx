import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listPolicies } from "@/lib/data/policies";
import { getFormat } from "@/lib/i18n/format-server";
import { requireAdminPage } from "../require-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminPolicies");
  return { title: t("title") };
}

export default async function PoliciesPage() {
  const actor = await requireAdminPage();
  const t = await getTranslations("adminPolicies");
  const format = await getFormat();
  const policies = await listPolicies(getDb(), actor);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        {policies.map((policy) => {
          const latest = policy.versions.find((v) => v.latest);
          return (
            <Card
              key={policy.id}
              title={policy.name}
              actions={
                latest ? (
                  <ButtonLink href={`/admin/policies/${latest.id}/edit`} variant="primary" size="sm">
                    {t("editAndPublish", { version: policy.latestVersion + 1 })}
                  </ButtonLink>
                ) : null
              }
            >
              {policy.description ? <p className="mb-3 text-sm text-slate-600">{policy.description}</p> : null}
              <Table caption={t("versionsOf", { name: policy.name })}>
                <thead>
                  <tr>
                    <Th>{t("version")}</Th>
                    <Th>{t("published")}</Th>
                    <Th>{t("by")}</Th>
                    <Th>{t("note")}</Th>
                    <Th className="text-right">{t("projectsUsingIt")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {policy.versions.map((v) => (
                    <tr key={v.id}>
                      <Td className="whitespace-nowrap font-medium">
                        <Link href={`/admin/policies/${v.id}`} className="text-brand-700 underline">
                          {t("versionNumber", { version: v.version })}
                        </Link>{" "}
                        {v.latest ? <Badge tone="success">{t("latest")}</Badge> : null}
                        {/* On a phone the table scrolls; keep the count in view. */}
                        <span className="block text-xs font-normal text-slate-600 sm:hidden">
                          {t("projectCount", { count: v.projectCount })}
                        </span>
                      </Td>
                      <Td className="whitespace-nowrap">{format.dateTime(v.publishedAt)}</Td>
                      <Td>{v.publishedBy ?? t("initialSeed")}</Td>
                      <Td className="max-w-md">{v.note || <span className="text-slate-500">—</span>}</Td>
                      <Td className="text-right tabular-nums">{format.number(v.projectCount)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card>
          );
        })}
      </div>
    </>
  );
}
