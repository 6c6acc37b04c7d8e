import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listOrganizations, listUsers } from "@/lib/data/accounts";
import { latestAccountLinks } from "@/lib/data/invitations";
import { accountStatus, type AccountStatus } from "@/lib/domain/account-link";
import type { Format } from "@/lib/i18n/format";
import { getFormat } from "@/lib/i18n/format-server";
import { requireAdminPage } from "../require-admin";
import { RevokeAccessButton } from "./revoke-access-button";
import { InviteAccountForm, UserActions } from "./user-forms";
import { PasswordSignInSwitch } from "@/components/single-sign-on/password-sign-in-switch";
import { accountsWithoutPasswordSignIn } from "@/lib/data/single-sign-on-provisioning";
import { singleSignOnSettings } from "@/lib/single-sign-on";
import { TwoFactorPolicyCard } from "./two-factor-policy-card";
import { TwoFactorReset } from "./two-factor-reset";
import { accountsWithTwoFactor } from "@/lib/data/two-factor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminUsers");
  return { title: t("title") };
}

function StatusBadge({ status, format }: { status: AccountStatus; format: Format }) {
  const t = useTranslations("adminUsers");
  switch (status.kind) {
    case "disabled":
      return <Badge tone="danger">{t("disabled")}</Badge>;
    case "invited":
      return <Badge tone="info">{t("invited", { date: format.date(status.expiresAt) })}</Badge>;
    case "invitation_expired":
      return <Badge tone="warning">{t("invitationExpired")}</Badge>;
    case "invitation_revoked":
      return <Badge tone="neutral">{t("invitationRevoked")}</Badge>;
    case "reset_pending":
      return <Badge tone="info">{t("resetPending", { date: format.date(status.expiresAt) })}</Badge>;
    case "active":
      return <Badge tone="success">{t("active")}</Badge>;
  }
}

export default async function UsersPage() {
  const actor = await requireAdminPage();
  const t = await getTranslations("adminUsers");
  const format = await getFormat();
  const roleLabel = { admin: t("roleAdmin"), staff: t("roleStaff"), client: t("roleClient") };
  const db = getDb();
  const users = await listUsers(db, actor);
  const links = await latestAccountLinks(db, actor);
  const organizations = await listOrganizations(db, actor);
  const withTwoFactor = await accountsWithTwoFactor(db, actor);
  const now = new Date();
  const ssoOnly = await accountsWithoutPasswordSignIn(db, actor);
  const tSignOn = await getTranslations("singleSignOn");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("invite")} className="mb-6">
        <InviteAccountForm organizations={organizations} />
      </Card>
      <TwoFactorPolicyCard />
      <Table caption={t("accounts")}>
        <thead>
          <tr>
            <Th>{t("name")}</Th>
            <Th>{t("email")}</Th>
            <Th>{t("role")}</Th>
            <Th>{t("organisation")}</Th>
            <Th>{t("state")}</Th>
            <Th>{tSignOn("signInColumn")}</Th>
            <Th>
              <span className="sr-only">{t("actions")}</span>
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
                <Td>{roleLabel[u.role]}</Td>
                <Td>{u.organizationName ?? "—"}</Td>
                <Td>
                  <StatusBadge status={status} format={format} />
                  {u.mustChangePassword && status.kind !== "disabled" ? (
                    <Badge tone="warning" className="ml-1">
                      {t("mustChangePassword")}
                    </Badge>
                  ) : null}
                </Td>
                <Td>
                  <PasswordSignInSwitch
                    userId={u.id}
                    email={u.email}
                    enabled={!ssoOnly.has(u.id)}
                    configured={singleSignOnSettings() !== null}
                    self={u.id === actor.id}
                  />
                </Td>
                <Td>
                  <UserActions userId={u.id} email={u.email} status={status.kind} self={u.id === actor.id} />
                  {u.disabledAt ? null : <RevokeAccessButton userId={u.id} email={u.email} />}
                  <TwoFactorReset userId={u.id} name={u.name} enabled={withTwoFactor.has(u.id)} />
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </>
  );
}
