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
import type { ProjectTabGroup, ProjectTabLabel } from "@/lib/navigation";

export type ProjectNavGroup = { key: ProjectTabGroup; items: { href: string; labelKey: ProjectTabLabel }[] };

/** The groups' and sections' names in the reader's language, by the keys lib/navigation.ts gives them. */
function useSectionLabels(): Record<ProjectTabGroup | ProjectTabLabel, string> {
  const t = useTranslations("projectNav");
  return {
    governance: t("governance"),
    delivery: t("delivery"),
    clientReadiness: t("clientReadiness"),
    technical: t("technical"),
    reports: t("reports"),
    overview: t("overview"),
    gates: t("gates"),
    schedule: t("schedule"),
    auditTrail: t("auditTrail"),
    roadmap: t("roadmap"),
    sprints: t("sprints"),
    quality: t("quality"),
    billing: t("billing"),
    guardians: t("guardians"),
    validation: t("validation"),
    escalations: t("escalations"),
    goLive: t("goLive"),
    integration: t("integration"),
    migration: t("migration"),
    statusReports: t("statusReports"),
    webhooks: t("webhooks"),
  };
}

export function ProjectNav({ groups, overviewHref }: { groups: ProjectNavGroup[]; overviewHref: string }) {
  const pathname = usePathname();
  const t = useTranslations("projectNav");
  const labels = useSectionLabels();
  const label = (key: ProjectTabGroup | ProjectTabLabel) => labels[key];
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
              <li key={group.key}>
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
                  {label(group.key)}
                </Link>
              </li>
            );
          })}
        </ul>
        <ul
          aria-label={t("groupSections", { group: label(activeGroup.key) })}
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
                  {label(item.labelKey)}
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
              <span className="text-slate-600">{label(activeGroup.key)}</span>
              <span aria-hidden className="px-1 text-slate-500">
                ›
              </span>
              <span className="sr-only">: </span>
              <span className="font-semibold text-slate-900">
                {activeItem ? label(activeItem.labelKey) : t("sections")}
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
            <div key={group.key} className={cx(i > 0 && "mt-2 border-t border-slate-100 pt-2")}>
              <p
                id={`project-nav-group-${i}`}
                className="px-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase"
              >
                {label(group.key)}
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
                      {label(item.labelKey)}
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
