"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import { Disclosure } from "@/components/ui/disclosure";
import type { MainNavLabel } from "@/lib/navigation";

type Entry = { href: string; labelKey: MainNavLabel };

const linkClass = (active: boolean) =>
  cx(
    "rounded-md px-2.5 py-1.5 text-sm font-medium",
    active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100",
  );

/** Each entry's name in the reader's language, by the key lib/navigation.ts gives it. */
function useEntryLabels(): Record<MainNavLabel, string> {
  const t = useTranslations("nav");
  return {
    dashboard: t("dashboard"),
    projects: t("projects"),
    reviews: t("reviews"),
    timeline: t("timeline"),
    billing: t("billing"),
    users: t("users"),
    organizations: t("organizations"),
    policies: t("policies"),
    quality: t("quality"),
    audit: t("audit"),
    webhooks: t("webhooks"),
  };
}

/** The main navigation: a row of links on wide screens, a disclosure menu on phones. */
export function MainNav({ main, admin }: { main: Entry[]; admin: Entry[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const t = useTranslations("nav");
  const labels = useEntryLabels();
  const label = (e: Entry) => labels[e.labelKey];
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={t("main")} className="flex items-center">
      <ul className="hidden items-center gap-1 md:flex">
        {main.map((e) => (
          <li key={e.href}>
            <Link
              href={e.href}
              className={linkClass(isActive(e.href))}
              aria-current={isActive(e.href) ? "page" : undefined}
            >
              {label(e)}
            </Link>
          </li>
        ))}
        {admin.length ? (
          <li>
            <Disclosure
              button={`${t("admin")} ▾`}
              buttonClassName={linkClass(pathname.startsWith("/admin"))}
              panelClassName="min-w-48"
            >
              <ul aria-label={t("admin")}>
                {admin.map((e) => (
                  <li key={e.href}>
                    <Link
                      href={e.href}
                      className="block rounded px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100"
                      aria-current={isActive(e.href) ? "page" : undefined}
                    >
                      {label(e)}
                    </Link>
                  </li>
                ))}
              </ul>
            </Disclosure>
          </li>
        ) : null}
      </ul>
      <div className="md:hidden">
        <button
          type="button"
          className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpen((o) => !o)}
        >
          {t("menu")}
        </button>
        {open ? (
          <ul
            id="mobile-nav"
            className="absolute left-0 right-0 top-12 z-40 space-y-1 border-b border-slate-200 bg-white p-3 shadow-lg"
          >
            {[...main, ...admin].map((e) => (
              <li key={e.href}>
                <Link
                  href={e.href}
                  onClick={() => setOpen(false)}
                  className={cx("block", linkClass(isActive(e.href)))}
                  aria-current={isActive(e.href) ? "page" : undefined}
                >
                  {label(e)}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </nav>
  );
}
