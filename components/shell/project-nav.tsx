"use client";

// The project's sections, grouped. On a laptop: a row of groups and, under it, the sections of the
// current group, so nothing is clipped however many sections a project shows. On a phone: one
// button naming where you are ("Delivery › Sprints") that discloses every section by group. Only
// one of the two is displayed at a time (the other is display:none, so screen readers meet one).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import { Disclosure } from "@/components/ui/disclosure";

export type ProjectNavGroup = { label: string; items: { href: string; label: string }[] };

/**
 * The reader's words for the groups and sections, keyed by the English names lib/navigation.ts
 * gives them (which stay the fallback for a section added there later).
 */
function useSectionLabels(): Record<string, string> {
  const t = useTranslations("projectNav");
  return {
    Governance: t("governance"),
    Delivery: t("delivery"),
    "Client readiness": t("clientReadiness"),
    Technical: t("technical"),
    Reports: t("reports"),
    Overview: t("overview"),
    Gates: t("gates"),
    Schedule: t("schedule"),
    "Audit trail": t("auditTrail"),
    Roadmap: t("roadmap"),
    Sprints: t("sprints"),
    Quality: t("quality"),
    Billing: t("billing"),
    "Guardians & training": t("guardians"),
    Validation: t("validation"),
    Escalations: t("escalations"),
    "Go-live": t("goLive"),
    Integration: t("integration"),
    Migration: t("migration"),
    "Status reports": t("statusReports"),
  };
}

export function ProjectNav({ groups, overviewHref }: { groups: ProjectNavGroup[]; overviewHref: string }) {
  const pathname = usePathname();
  const t = useTranslations("projectNav");
  const labels = useSectionLabels();
  const label = (english: string) => labels[english] ?? english;
  const isActive = (href: string) =>
    href === overviewHref ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  const activeGroup = groups.find((g) => g.items.some((i) => isActive(i.href))) ?? groups[0];
  const activeItem = activeGroup?.items.find((i) => isActive(i.href));
  if (!activeGroup) return null;

  return (
    <nav aria-label={t("label")}>
      <div className="hidden md:block">
        <ul aria-label={t("groups")} className="-mb-px flex flex-wrap gap-x-1">
          {groups.map((group) => {
            const active = group === activeGroup;
            return (
              <li key={group.label}>
                <Link
                  href={group.items[0].href}
                  aria-current={active ? "true" : undefined}
                  className={cx(
                    "block border-b-2 px-3 py-2 text-sm font-semibold whitespace-nowrap",
                    active
                      ? "border-brand-700 text-brand-800"
                      : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                  )}
                >
                  {label(group.label)}
                </Link>
              </li>
            );
          })}
        </ul>
        <ul
          aria-label={t("groupSections", { group: label(activeGroup.label) })}
          className="flex flex-wrap gap-1 border-t border-slate-200 py-2"
        >
          {activeGroup.items.map((item) => {
            const active = item === activeItem;
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={cx(
                    "block rounded-md px-2.5 py-1 text-sm font-medium whitespace-nowrap",
                    active
                      ? "bg-brand-50 text-brand-800 ring-1 ring-inset ring-brand-100"
                      : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                  )}
                >
                  {label(item.label)}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="py-2 md:hidden">
        <Disclosure
          button={
            <>
              <span className="text-slate-600">{label(activeGroup.label)}</span>
              <span aria-hidden className="px-1 text-slate-500">
                ›
              </span>
              <span className="sr-only">: </span>
              <span className="font-semibold text-slate-900">
                {activeItem ? label(activeItem.label) : t("sections")}
              </span>
              <span className="sr-only">{t("allSections")}</span>
              <span aria-hidden className="ml-1 text-slate-500">
                ▾
              </span>
            </>
          }
          buttonClassName={
            "flex w-full items-center rounded-md border border-slate-300 bg-white px-3 py-2 " + "text-left text-sm"
          }
          panelClassName="w-[min(22rem,calc(100vw-2rem))] max-h-[70vh] overflow-y-auto p-2"
        >
          {groups.map((group, i) => (
            <div key={group.label} className={cx(i > 0 && "mt-2 border-t border-slate-100 pt-2")}>
              <p
                id={`project-nav-group-${i}`}
                className="px-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase"
              >
                {label(group.label)}
              </p>
              <ul aria-labelledby={`project-nav-group-${i}`}>
                {group.items.map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={item === activeItem ? "page" : undefined}
                      className={cx(
                        "block rounded px-2 py-1.5 text-sm",
                        item === activeItem
                          ? "bg-brand-50 font-semibold text-brand-800"
                          : "text-slate-800 hover:bg-slate-100",
                      )}
                    >
                      {label(item.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Disclosure>
      </div>
    </nav>
  );
}
