"use client";

// The rows of the portfolio table, rendered from the display strings of portfolio-view.ts: the
// page then carries that data instead of a serialized element tree per row (a third of the
// dashboard's payload and rendering time).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { HealthBadge, StatusBadge } from "@/components/ui/badge";
import type { PortfolioRowView } from "./portfolio-view";

export function PortfolioRows({ rows }: { rows: PortfolioRowView[] }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((row) => (
        <PortfolioRow key={row.id} row={row} />
      ))}
    </tbody>
  );
}

function PortfolioRow({ row }: { row: PortfolioRowView }) {
  const t = useTranslations("portfolioRows");
  return (
    <tr>
      <td className="min-w-48">
        <Link href={`/projects/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {row.name}
        </Link>
        {row.status !== "active" ? (
          <div className="mt-1">
            <StatusBadge status={row.status} />
          </div>
        ) : null}
      </td>
      <td className="whitespace-nowrap">{row.client}</td>
      <td className="min-w-40">
        {row.gate ? (
          <>
            <span className="font-medium">{t("gate", { number: row.gate.number })}</span>{" "}
            <span className="text-slate-600">{row.gate.name}</span>
            <div className="mt-1">
              <StatusBadge status={row.gate.status} />
            </div>
          </>
        ) : (
          "—"
        )}
      </td>
      <td className="min-w-56">
        <HealthBadge health={row.health} />
        {row.reasons.length ? (
          <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-slate-700">
            {row.reasons.map((r) => (
              <li key={r.code}>{r.text}</li>
            ))}
          </ul>
        ) : null}
      </td>
      <td className="min-w-40">
        {row.milestone ? (
          <>
            <div>{row.milestone.label}</div>
            <div className="text-xs text-slate-600">{row.milestone.date}</div>
          </>
        ) : (
          "—"
        )}
      </td>
      <td className="whitespace-nowrap">{row.goLive}</td>
      {row.billable !== undefined ? (
        <td className="whitespace-nowrap text-right tabular-nums">
          {row.billable ?? (
            <span className="text-slate-500" title={t("notVisible")}>
              —
            </span>
          )}
        </td>
      ) : null}
    </tr>
  );
}

/** The same rows as cards, for phones (the table shows from the md breakpoint, these below it). */
export function PortfolioCards({ rows, label }: { rows: PortfolioRowView[]; label: string }) {
  const t = useTranslations("portfolioRows");
  return (
    <ul aria-label={label} className="space-y-3">
      {rows.map((row) => (
        <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex items-start justify-between gap-2">
            <h3 className="min-w-0 text-base font-semibold">
              <Link href={`/projects/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                {row.name}
              </Link>
            </h3>
            <HealthBadge health={row.health} />
          </div>
          <p className="mt-0.5 text-sm text-slate-600">
            {row.client}
            {row.status !== "active" ? (
              <>
                {" "}
                <StatusBadge status={row.status} />
              </>
            ) : null}
          </p>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-slate-600">{t("gateTerm")}</dt>
            <dd>
              {row.gate ? (
                <>
                  <span className="font-medium">{t("gate", { number: row.gate.number })}</span> {row.gate.name}{" "}
                  <StatusBadge status={row.gate.status} />
                </>
              ) : (
                "—"
              )}
            </dd>
            <dt className="text-slate-600">{t("goLive")}</dt>
            <dd>{row.goLive}</dd>
            <dt className="text-slate-600">{t("next")}</dt>
            <dd>{row.milestone ? t("milestone", { label: row.milestone.label, date: row.milestone.date }) : "—"}</dd>
            {row.billable ? (
              <>
                <dt className="text-slate-600">{t("billable")}</dt>
                <dd className="tabular-nums">{row.billable}</dd>
              </>
            ) : null}
          </dl>
          {row.reasons.length ? (
            <ul
              aria-label={t("why", { health: row.health })}
              className="mt-2 list-disc space-y-0.5 pl-4 text-xs text-slate-700"
            >
              {row.reasons.map((r) => (
                <li key={r.code}>{r.text}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
