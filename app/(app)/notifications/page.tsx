import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listNotifications } from "@/lib/data/notifications";
import { requireActor } from "@/lib/session";
import { MarkAllRead } from "./mark-all-read";
import { getFormat } from "@/lib/i18n/format-server";
import { notificationTitles } from "@/lib/views/notification-title";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notificationsPage");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const actor = await requireActor();
  const t = await getTranslations("notificationsPage");
  const format = await getFormat();
  const titleOf = await notificationTitles();
  const items = await listNotifications(getDb(), actor, 100);
  const unread = items.some((n) => !n.readAt);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={unread ? <MarkAllRead /> : null} />
      {items.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className="flex items-start gap-3 px-4 py-3">
              <span
                aria-hidden
                className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`}
              />
              <div className="min-w-0 flex-1">
                <Link href={n.href} className="font-medium text-slate-900 hover:underline">
                  {titleOf(n)}
                </Link>
                <p className="text-xs text-slate-600">
                  {format.dateTime(n.createdAt)}
                  {n.readAt ? "" : t("unread")}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
