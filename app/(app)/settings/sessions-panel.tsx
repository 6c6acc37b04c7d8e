// The account's open sessions in Settings: each browser in words, where from, since when and last
// seen, "this session" marked; the person ends one, or every one but this, or (as before) all.
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listOwnSessions } from "@/lib/data/sessions";
import { currentAccount } from "@/lib/session";
import { SessionList } from "./session-list";
import { SignOutEverywhere } from "./tokens-panel";

export async function SessionsPanel() {
  const account = await currentAccount();
  if (!account) return null;
  const t = await getTranslations("sessions");
  const sessions = await listOwnSessions(getDb(), account.actor, account.sessionId);
  return (
    <Card title={t("title")} id="sessions">
      <p className="mb-3 text-sm text-slate-700">{t("body")}</p>
      <SessionList sessions={sessions} />
      <div className="mt-4 border-t border-slate-100 pt-4">
        <p className="mb-2 text-sm text-slate-700">{t("everywhereBody")}</p>
        <SignOutEverywhere />
      </div>
    </Card>
  );
}
