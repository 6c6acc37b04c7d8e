"use client";

// The rows of the portfolio table, rendered from the display strings of portfolio-view.ts: the
// page then carries that data instead of a serialized element tree per row. One structure serves
// every width: below the md breakpoint `.portfolio` (globals.css) lays each row out as a card and
// labels its cells from the table's own header words, so a page carries each project once.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { HealthBadge, StatusBadge } from "@/components/ui/badge";
import type { PortfolioRowView } from "./portfolio-view";

export function PortfolioRows({ rows }: { rows: PortfolioRowView[] }) {
  const t = useTranslations("portfolioRows");
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id}>
          <td>
            <Link href={`/projects/${row.id}`}>{row.name}</Link>
            {row.status !== "active" ? <StatusBadge status={row.status} /> : null}
          </td>
          <td>{row.client}</td>
          <td>
            {row.gate ? (
              <>
                <b>{t("gate", { number: row.gate.number })}</b>
                {` ${row.gate.name} `}
                <StatusBadge status={row.gate.status} />
              </>
            ) : (
              "—"
            )}
          </td>
          <td>
            <HealthBadge health={row.health} />
            {row.reasons.length ? (
              <ul aria-label={t("why", { health: row.health })}>
                {row.reasons.map((r) => (
                  <li key={r.code}>{r.text}</li>
                ))}
              </ul>
            ) : null}
          </td>
          <td>
            {row.milestone ? (
              <>
                {row.milestone.label}
                <small>{row.milestone.date}</small>
              </>
            ) : (
              "—"
            )}
          </td>
          <td>{row.goLive}</td>
          {row.billable !== undefined ? <td>{row.billable ?? <span title={t("notVisible")}>—</span>}</td> : null}
        </tr>
      ))}
    </tbody>
  );
}
