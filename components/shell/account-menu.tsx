"use client";

import { DropdownMenu } from "radix-ui";
import Link from "next/link";
import { signOutAction } from "@/components/shell/sign-out-action";

export function AccountMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100" aria-label={`Account: ${name}`}>
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800">
          {name
            .split(" ")
            .map((p) => p[0])
            .slice(0, 2)
            .join("")}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <div className="px-3 py-2 text-xs text-slate-600">
            <div className="font-medium text-slate-900">{email}</div>
            <div>{role === "client" ? "Client account" : role === "admin" ? "Administrator" : "Vendor staff"}</div>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild>
            <Link href="/settings" className="block rounded px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100">
              Settings and API tokens
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="cursor-pointer rounded px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100"
            onSelect={() => void signOutAction()}
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
