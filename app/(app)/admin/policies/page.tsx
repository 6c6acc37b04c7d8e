import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listPolicies } from "@/lib/data/policies";
import { requireAdminPage } from "../require-admin";
import { formatDateTime } from "@/lib/display-format";

export const metadata: Metadata = { title: "Gate policies" };

const when = (iso: string) => formatDateTime(iso);

export default async function PoliciesPage() {
  const actor = await requireAdminPage();
  const policies = await listPolicies(getDb(), actor);
  return (
    <>
      <PageHeader
        title="Gate policies"
        description={
          "Every edit publishes a new, immutable version. Projects keep the version they were created " +
          "with; new projects use the latest one."
        }
      />
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
                    Edit and publish version {policy.latestVersion + 1}
                  </ButtonLink>
                ) : null
              }
            >
              {policy.description ? <p className="mb-3 text-sm text-slate-600">{policy.description}</p> : null}
              <Table caption={`Versions of ${policy.name}`}>
                <thead>
                  <tr>
                    <Th>Version</Th>
                    <Th>Published</Th>
                    <Th>By</Th>
                    <Th>Note</Th>
                    <Th className="text-right">Projects using it</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {policy.versions.map((v) => (
                    <tr key={v.id}>
                      <Td className="whitespace-nowrap font-medium">
                        <Link href={`/admin/policies/${v.id}`} className="text-brand-700 underline">
                          Version {v.version}
                        </Link>{" "}
                        {v.latest ? <Badge tone="success">Latest</Badge> : null}
                        {/* On a phone the table scrolls; keep the count in view. */}
                        <span className="block text-xs font-normal text-slate-600 sm:hidden">
                          {v.projectCount} project{v.projectCount === 1 ? "" : "s"}
                        </span>
                      </Td>
                      <Td className="whitespace-nowrap">{when(v.publishedAt)}</Td>
                      <Td>{v.publishedBy ?? "Initial seed"}</Td>
                      <Td className="max-w-md">{v.note || <span className="text-slate-500">—</span>}</Td>
                      <Td className="text-right tabular-nums">{v.projectCount}</Td>
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
