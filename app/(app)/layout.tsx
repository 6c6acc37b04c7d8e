import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { ClientMessages } from "@/components/client-messages";
import { AccountMenu } from "@/components/shell/account-menu";
import { BrowserTimeZone } from "@/components/shell/browser-time-zone";
import { MainNav } from "@/components/shell/main-nav";
import { NotificationBell } from "@/components/shell/notification-bell";
import { unreadNotificationCount } from "@/lib/data/notifications";
import { getPreferences } from "@/lib/data/preferences";
import { ADMIN_NAV, MAIN_NAV } from "@/lib/navigation";
import { requireActor } from "@/lib/session";
import { chooseLocaleAction } from "./language-action";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const db = getDb();
  const unread = await unreadNotificationCount(db, actor);
  const { timeZone } = await getPreferences(db, actor);
  const t = await getTranslations("nav");
  const main = MAIN_NAV.filter((e) => e.show(actor)).map(({ href, labelKey }) => ({ href, labelKey }));
  const admin = ADMIN_NAV.filter((e) => e.show(actor)).map(({ href, labelKey }) => ({ href, labelKey }));
  return (
    <ClientMessages namespaces={["error", "nav"]}>
      <div className="min-h-screen">
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <BrowserTimeZone accountZone={timeZone} />
        <header className="no-print border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2">
            <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-brand-800">
              <svg aria-hidden viewBox="0 0 32 32" className="h-7 w-7">
                <rect width="32" height="32" rx="7" fill="#3730a3" />
                <circle cx="16" cy="9" r="3.2" fill="#ef4444" />
                <circle cx="16" cy="16" r="3.2" fill="#f59e0b" />
                <circle cx="16" cy="23" r="3.2" fill="#22c55e" />
              </svg>
              <span>Lightgate</span>
            </Link>
            <MainNav main={main} admin={admin} />
            <div className="ml-auto flex items-center gap-1">
              <NotificationBell unread={unread} />
              <AccountMenu name={actor.name} email={actor.email} role={actor.role} chooseLocale={chooseLocaleAction} />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
      </div>
    </ClientMessages>
  );
}
