"use client";

import { DropdownMenu } from "radix-ui";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cx } from "@/components/ui/cx";

type Entry = { href: string; label: string };

const linkClass = (active: boolean) =>
  cx("rounded-md px-2.5 py-1.5 text-sm font-medium", active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100");

/** The main navigation: a row of links on wide screens, a disclosure menu on phones. */
export function MainNav({ main, admin }: { main: Entry[]; admin: Entry[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Main" className="flex items-center">
      <ul className="hidden items-center gap-1 md:flex">
        {main.map((e) => (
          <li key={e.href}>
            <Link href={e.href} className={linkClass(isActive(e.href))} aria-current={isActive(e.href) ? "page" : undefined}>
              {e.label}
            </Link>
          </li>
        ))}
        {admin.length ? (
          <li>
            <DropdownMenu.Root>
              <DropdownMenu.Trigger className={linkClass(pathname.startsWith("/admin"))}>Admin ▾</DropdownMenu.Trigger>
              <DropdownMenu.Portal>
                <DropdownMenu.Content align="start" sideOffset={4} className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
                  {admin.map((e) => (
                    <DropdownMenu.Item key={e.href} asChild>
                      <Link href={e.href} className="block rounded px-3 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100">
                        {e.label}
                      </Link>
                    </DropdownMenu.Item>
                  ))}
                </DropdownMenu.Content>
              </DropdownMenu.Portal>
            </DropdownMenu.Root>
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
          Menu
        </button>
        {open ? (
          <ul id="mobile-nav" className="absolute left-0 right-0 top-12 z-40 space-y-1 border-b border-slate-200 bg-white p-3 shadow-lg">
            {[...main, ...admin].map((e) => (
              <li key={e.href}>
                <Link href={e.href} onClick={() => setOpen(false)} className={cx("block", linkClass(isActive(e.href)))} aria-current={isActive(e.href) ? "page" : undefined}>
                  {e.label}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </nav>
  );
}
