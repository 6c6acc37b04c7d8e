import type { Metadata } from "next";
import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";
import { humanize } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listOrganizations } from "@/lib/data/accounts";
import { requireAdminPage } from "../require-admin";
import { OrganizationForm } from "./organization-form";

export const metadata: Metadata = { title: "Client organisations" };

export default async function OrganizationsPage() {
  const actor = await requireAdminPage();
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
      <PageHeader
        title="Client organisations"
        description="Each client account belongs to one organisation and only ever sees that organisation's projects."
      />
      <Card title="New organisation" className="mb-6">
        <OrganizationForm />
      </Card>
      <Table caption="Client organisations">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Sector</Th>
            <Th>Country</Th>
            <Th>Projects</Th>
            <Th>Accounts</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {organizations.map((o) => (
            <tr key={o.id}>
              <Td className="font-medium">{o.name}</Td>
              <Td>{humanize(o.sector)}</Td>
              <Td>{o.country}</Td>
              <Td>{counts.get(o.id)?.projects ?? 0}</Td>
              <Td>{counts.get(o.id)?.accounts ?? 0}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
