import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** `unread` is counted up to UNREAD_COUNTED (lib/data/notifications.ts): from 100 on, "99+". */
export async function NotificationBell({ unread }: { unread: number }) {
  const t = await getTranslations("nav");
  const label =
    unread > 99
      ? t("notificationsUnreadMany")
      : unread
        ? t("notificationsUnread", { count: unread })
        : t("notifications");
  return (
    <Link
      href="/notifications"
      aria-label={label}
      className="relative rounded-md p-2 text-slate-700 hover:bg-slate-100"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread ? (
        <span
          data-testid="unread-count"
          className={
            "absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs " +
            "font-semibold text-white"
          }
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
