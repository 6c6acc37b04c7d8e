import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { existingCalendarFeedUrl } from "@/lib/data/calendar-feed";
import { getEmailPreferences } from "@/lib/data/email-preferences";
import { getPreferences } from "@/lib/data/preferences";
import { requestOrigin } from "@/lib/https";
import { listApiTokens } from "@/lib/data/tokens";
import { getFormat } from "@/lib/i18n/format-server";
import { requireActor } from "@/lib/session";
import { CalendarPanel } from "./calendar-panel";
import { EmailPanel } from "./email-panel";
import { PasswordForm } from "./password-form";
import { PreferencesForm } from "./preferences-form";
import { SessionsPanel } from "./sessions-panel";
import { TokensPanel } from "./tokens-panel";
import { TwoFactorCard } from "./two-factor-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settingsPage");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const actor = await requireActor();
  const db = getDb();
  const preferences = await getPreferences(db, actor);
  const calendarUrl = await existingCalendarFeedUrl(db, actor.id, requestOrigin(await headers()));
  const t = await getTranslations("settingsPage");
  const calendar = await getTranslations("calendarPanel");
  const email = await getTranslations("emailPanel");
  const emailPreferences = await getEmailPreferences(db, actor);
  const format = await getFormat();
  const tokens = (await listApiTokens(db, actor)).map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    created: format.date(token.createdAt),
    lastUsed: token.lastUsedAt ? format.dateTime(token.lastUsedAt) : null,
    revoked: token.revokedAt ? format.date(token.revokedAt) : null,
  }));
  return (
    <>
      <PageHeader title={t("title")} description={t("signedInAs", { email: actor.email })} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("preferences")} className="lg:col-span-2" id="language-and-time-zone">
          <PreferencesForm
            preferences={preferences}
            example={format.dateTime(new Date().toISOString())}
            zones={Intl.supportedValuesOf("timeZone")}
          />
        </Card>
        <Card title={t("password")}>
          <PasswordForm />
        </Card>
        <TwoFactorCard actor={actor} />
        <SessionsPanel />
        <Card title={t("tokens")} className="lg:col-span-2">
          <p className="mb-3 text-sm text-slate-700">
            {t.rich("tokensBody", {
              header: "Authorization: Bearer <token>",
              link: (chunks) => (
                <a className="text-brand-700 underline" href="/api/v1/openapi.json">
                  {chunks}
                </a>
              ),
              code: (chunks) => <code className="rounded bg-slate-100 px-1 font-mono text-xs">{chunks}</code>,
            })}
          </p>
          <TokensPanel tokens={tokens} />
        </Card>
        <Card title={calendar("title")} className="lg:col-span-2" id="calendar">
          <CalendarPanel url={calendarUrl} />
        </Card>
        <Card title={email("title")} className="lg:col-span-2" id="email">
          <EmailPanel view={emailPreferences} />
        </Card>
      </div>
    </>
  );
}
