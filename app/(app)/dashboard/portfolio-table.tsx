import Link from "next/link";
import { HealthBadge, StatusBadge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { PortfolioRow } from "@/lib/data/dashboard";
import type { PortfolioQuery, PortfolioSort } from "@/lib/validation/dashboard";
import { formatDate, formatMoney } from "@/lib/display-format";

type Page = { items: PortfolioRow[]; total: number; page: number; pages: number; pageSize: number };

export function dashboardHref(query: PortfolioQuery, change: Partial<PortfolioQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || v === "") continue;
    if ((k === "sort" && v === "name") || (k === "dir" && v === "asc") || (k === "page" && v === 1) || (k === "pageSize" && v === 25)) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/dashboard?${s}` : "/dashboard";
}

function SortHeader({ query, sort, children, className }: { query: PortfolioQuery; sort: PortfolioSort; children: string; className?: string }) {
  const active = query.sort === sort;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <Th aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <Link href={dashboardHref(query, { sort, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900">
        {children}
        <span aria-hidden>{active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">, sort {dir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </Th>
  );
}

export function PortfolioTable({ page, query, showBilling, filtered }: { page: Page; query: PortfolioQuery; showBilling: boolean; filtered: boolean }) {
  if (page.items.length === 0) {
    return (
      <EmptyState title={filtered ? "No project matches these filters" : "No projects yet"}>
        {filtered ? "Try another status, health or client." : "Projects you take part in will appear here."}
      </EmptyState>
    );
  }
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.items.length - 1;
  return (
    <>
      <Table caption={`Portfolio: projects ${first} to ${last} of ${page.total}`}>
        <thead>
          <tr>
            <SortHeader query={query} sort="name">Project</SortHeader>
            <SortHeader query={query} sort="client">Client</SortHeader>
            <SortHeader query={query} sort="gate">Current gate</SortHeader>
            <SortHeader query={query} sort="health">Health</SortHeader>
            <Th>Next milestone</Th>
            <SortHeader query={query} sort="goLive">Go-live</SortHeader>
            {showBilling ? <Th className="text-right">Billable</Th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {page.items.map((row) => (
            <tr key={row.id}>
              <Td className="min-w-48">
                <Link href={`/projects/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{row.name}</Link>
                {row.status !== "active" ? <div className="mt-1"><StatusBadge status={row.status} /></div> : null}
              </Td>
              <Td className="whitespace-nowrap">{row.client.name}</Td>
              <Td className="min-w-40">
                {row.currentGate ? (
                  <>
                    <span className="font-medium">Gate {row.currentGate.number}</span> <span className="text-slate-600">{row.currentGate.name}</span>
                    <div className="mt-1"><StatusBadge status={row.currentGate.status} /></div>
                  </>
                ) : "—"}
              </Td>
              <Td className="min-w-56">
                <HealthBadge health={row.health} />
                {row.healthReasons.length ? (
                  <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-slate-700">
                    {row.healthReasons.map((r) => <li key={r.code}>{r.text}</li>)}
                  </ul>
                ) : null}
              </Td>
              <Td className="min-w-40">
                {row.nextMilestone ? (
                  <>
                    <div>{row.nextMilestone.label}</div>
                    <div className="text-xs text-slate-600">{formatDate(row.nextMilestone.date)}</div>
                  </>
                ) : "—"}
              </Td>
              <Td className="whitespace-nowrap">{formatDate(row.targetGoLiveDate)}</Td>
              {showBilling ? (
                <Td className="whitespace-nowrap text-right tabular-nums">{row.billable ? formatMoney(row.billable.amount, row.billable.currency) : <span className="text-slate-400" title="Not visible to you">—</span>}</Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      <nav aria-label="Pagination" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600">Projects {first}–{last} of {page.total}</p>
        <div className="flex gap-2">
          {page.page > 1 ? <Link className={buttonClass("secondary", "sm")} href={dashboardHref(query, { page: page.page - 1 })}>← Previous</Link> : null}
          <span className="px-2 py-1 text-slate-600" aria-current="page">Page {page.page} of {page.pages}</span>
          {page.page < page.pages ? <Link className={buttonClass("secondary", "sm")} href={dashboardHref(query, { page: page.page + 1 })}>Next →</Link> : null}
        </div>
      </nav>
    </>
  );
}
