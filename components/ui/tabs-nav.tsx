"use client";

// Navigation tabs (links, not a Radix Tabs widget: each tab is its own page).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "./cx";

export function TabsNav({ label, items, exactFirst = true }: { label: string; items: { href: string; label: string }[]; exactFirst?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mb-px overflow-x-auto">
      <ul className="flex min-w-max gap-1">
        {items.map((item, i) => {
          const active = i === 0 && exactFirst ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
