import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listOrganizations, listUsers } from "@/lib/data/accounts";
import { requireAdminPage } from "../require-admin";
import { CreateUserForm, UserActions } from "./user-forms";

export const metadata: Metadata = { title: "Users" };

const ROLE_LABELS = { admin: "Administrator", staff: "Vendor staff", client: "Client" } as const;

export default async function UsersPage() {
  const actor = await requireAdminPage();
  const db = getDb();
  const users = listUsers(db, actor);
  const organizations = listOrganizations(db, actor);
  return (
    <>
      <PageHeader title="Users" description="Vendor staff, administrators and client accounts. Project roles are given on each project's overview." />
      <Card title="New account" className="mb-6">
        <CreateUserForm organizations={organizations} />
      </Card>
      <Table caption="Accounts">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Organisation</Th>
            <Th>State</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <tr key={u.id}>
              <Td className="font-medium">{u.name}</Td>
              <Td>{u.email}</Td>
              <Td>{ROLE_LABELS[u.role]}</Td>
              <Td>{u.organizationName ?? "—"}</Td>
              <Td>{u.disabledAt ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</Td>
              <Td>
                <UserActions userId={u.id} email={u.email} disabled={Boolean(u.disabledAt)} self={u.id === actor.id} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
