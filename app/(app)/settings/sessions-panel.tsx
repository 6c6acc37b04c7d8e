// The account's open sessions in Settings: each browser in words, where from, since when and last
// seen, "this session" marked; the person ends one, or every one but this, or (as before) all.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listOwnSessions } from "@/lib/data/sessions";
import { getFormat } from "@/lib/i18n/format-server";
import { currentAccount } from "@/lib/session";
import { SessionList } from "./session-list";
import { SignOutEverywhere } from "./tokens-panel";

export async function SessionsPanel() {
  const account = await currentAccount();
  if (!account) return null;
  const t = await getTranslations("sessions");
  const format = await getFormat();
  const sessions = (await listOwnSessions(getDb(), account.actor, account.sessionId)).map((s) => ({
    ...s,
    signedIn: format.dateTime(s.createdAt),
    lastSeen: format.dateTime(s.lastSeenAt),
  }));
  return (
    <Card title={t("title")} id="sessions">
      <p className="mb-3 text-sm text-slate-700">{t("body")}</p>
      <SessionList
        sessions={sessions}
        thisSession={
          <Badge tone="success" className="ml-1">
            {t("thisSession")}
          </Badge>
        }
      />
      <div className="mt-4 border-t border-slate-100 pt-4">
        <p className="mb-2 text-sm text-slate-700">{t("everywhereBody")}</p>
        <SignOutEverywhere />
      </div>
    </Card>
  );
}
