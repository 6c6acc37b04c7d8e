import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listOrganizations, listUsers } from "@/lib/data/accounts";
import { latestAccountLinks } from "@/lib/data/invitations";
import { accountStatus, type AccountStatus } from "@/lib/domain/account-link";
import { formatDate } from "@/lib/display-format";
import { requireAdminPage } from "../require-admin";
import { InviteAccountForm, UserActions } from "./user-forms";

export const metadata: Metadata = { title: "Users" };

const ROLE_LABELS = { admin: "Administrator", staff: "Vendor staff", client: "Client" } as const;

function StatusBadge({ status }: { status: AccountStatus }) {
  switch (status.kind) {
    case "disabled":
      return <Badge tone="danger">Disabled</Badge>;
    case "invited":
      return <Badge tone="info">Invited (expires {formatDate(status.expiresAt)})</Badge>;
    case "invitation_expired":
      return <Badge tone="warning">Invitation expired</Badge>;
    case "invitation_revoked":
      return <Badge tone="neutral">Invitation revoked</Badge>;
    case "reset_pending":
      return <Badge tone="info">Active · reset link open until {formatDate(status.expiresAt)}</Badge>;
    case "active":
      return <Badge tone="success">Active</Badge>;
  }
}

export default async function UsersPage() {
  const actor = await requireAdminPage();
  const db = getDb();
  const users = await listUsers(db, actor);
  const links = await latestAccountLinks(db, actor);
  const organizations = await listOrganizations(db, actor);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Users"
        description={
          "Vendor staff, administrators and client accounts. Project roles are given on each project's " + "overview."
        }
      />
      <Card title="Invite a person" className="mb-6">
        <InviteAccountForm organizations={organizations} />
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
          {users.map((u) => {
            const status = accountStatus(
              { disabled: Boolean(u.disabledAt), hasPassword: u.hasPassword },
              links.get(u.id) ?? null,
              now,
            );
            return (
              <tr key={u.id}>
                <Td className="font-medium">{u.name}</Td>
                <Td>{u.email}</Td>
                <Td>{ROLE_LABELS[u.role]}</Td>
                <Td>{u.organizationName ?? "—"}</Td>
                <Td>
                  <StatusBadge status={status} />
                  {u.mustChangePassword && status.kind !== "disabled" ? (
                    <Badge tone="warning" className="ml-1">
                      Must change password
                    </Badge>
                  ) : null}
                </Td>
                <Td>
                  <UserActions userId={u.id} email={u.email} status={status.kind} self={u.id === actor.id} />
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </>
  );
}
