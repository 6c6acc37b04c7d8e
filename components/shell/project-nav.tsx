"use client";

// The project's sections, grouped. On a laptop: a row of groups and, under it, the sections of the
// current group, so nothing is clipped however many sections a project shows. On a phone: one
// button naming where you are ("Delivery › Sprints") that discloses every section by group. Only
// one of the two is displayed at a time (the other is display:none, so screen readers meet one).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";
import { Disclosure } from "@/components/ui/disclosure";

export type ProjectNavGroup = { label: string; items: { href: string; label: string }[] };

export function ProjectNav({ groups, overviewHref }: { groups: ProjectNavGroup[]; overviewHref: string }) {
  const pathname = usePathname();
  const isActive = (href: string) =>
    href === overviewHref ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  const activeGroup = groups.find((g) => g.items.some((i) => isActive(i.href))) ?? groups[0];
  const activeItem = activeGroup?.items.find((i) => isActive(i.href));
  if (!activeGroup) return null;

  return (
    <nav aria-label="Project sections">
      <div className="hidden md:block">
        <ul aria-label="Section groups" className="-mb-px flex flex-wrap gap-x-1">
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
                  {group.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <ul
          aria-label={`${activeGroup.label} sections`}
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
                  {item.label}
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
              <span className="text-slate-600">{activeGroup.label}</span>
              <span aria-hidden className="px-1 text-slate-500">
                ›
              </span>
              <span className="sr-only">: </span>
              <span className="font-semibold text-slate-900">{activeItem?.label ?? "Sections"}</span>
              <span className="sr-only">, all project sections</span>
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
                {group.label}
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
                      {item.label}
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
