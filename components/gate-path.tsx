// The gate path N → 1 (as many gates as the project's policy has) at a glance: an ordered list
// (read as steps by screen readers), drawn as a row of connected markers on wide screens and a
// vertical list on phones. No mermaid here.
// Each step's objective is its description: beneath the step on a phone, a tooltip on hover or
// focus on wider screens, so a newcomer learns what "G6 · Project closure" means. The number of
// steps is the policy's (the columns follow it).
import type { CSSProperties } from "react";
import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/format-server";
import { gateStatusWords } from "@/components/gate-words";

export type GatePathStep = {
  number: number;
  name: string;
  status: string;
  current: boolean;
  plannedDate: string | null;
  decidedAt: string | null;
  objectives?: string;
};

const MARKER: Record<string, string> = {
  go: "bg-green-700 text-white ring-green-700",
  conditional_go: "bg-amber-500 text-slate-950 ring-amber-600",
  in_review: "bg-blue-700 text-white ring-blue-700",
  hold: "bg-amber-100 text-amber-900 ring-amber-600",
  killed: "bg-red-700 text-white ring-red-700",
  pending: "bg-white text-slate-700 ring-slate-400",
  recycled: "bg-white text-slate-700 ring-slate-400",
};
const SYMBOL: Record<string, string> = { go: "✓", conditional_go: "✓", killed: "✕", hold: "‖" };

export async function GatePath({
  projectId,
  steps,
  activeNumber,
}: {
  projectId: string;
  steps: GatePathStep[];
  activeNumber?: number;
}) {
  const t = await getTranslations("gatePath");
  const format = await getFormat();
  const statusLabel = await gateStatusWords();
  const highest = Math.max(1, ...steps.map((s) => s.number));
  return (
    <nav aria-label={t("label", { highest })}>
      <ol
        className="grid gap-2 sm:grid-cols-[repeat(var(--gate-steps),minmax(0,1fr))] sm:gap-0"
        style={{ "--gate-steps": Math.max(steps.length, 1) } as CSSProperties}
      >
        {steps.map((step, i) => {
          const words = { number: step.number, name: step.name, status: statusLabel(step.status) };
          const label = step.current ? t("stepCurrent", words) : t("step", words);
          return (
            <li
              key={step.number}
              className="group relative flex items-start gap-3 sm:flex-col sm:items-center sm:gap-1 sm:text-center"
            >
              {i < steps.length - 1 ? (
                <span
                  aria-hidden
                  className={cx(
                    "absolute hidden h-0.5 sm:block",
                    "left-1/2 top-5 w-full",
                    ["go", "conditional_go"].includes(step.status) ? "bg-green-700" : "bg-slate-300",
                  )}
                />
              ) : null}
              <Link
                href={`/projects/${projectId}/gates/${step.number}`}
                aria-label={label}
                aria-describedby={step.objectives ? `gate-objective-${step.number}` : undefined}
                aria-current={step.number === activeNumber ? "page" : step.current ? "step" : undefined}
                className={cx(
                  "relative z-10 flex h-10 w-10 shrink-0 items-center justify-center rounded-full text-sm " +
                    "font-bold ring-2 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-600",
                  MARKER[step.status] ?? MARKER.pending,
                  step.current && "outline outline-2 outline-offset-2 outline-brand-600",
                )}
              >
                <span aria-hidden>{SYMBOL[step.status] ?? step.number}</span>
              </Link>
              <div className="min-w-0 sm:px-1">
                <p
                  className={cx(
                    "text-sm leading-tight text-slate-900",
                    step.number === activeNumber ? "font-bold" : "font-medium",
                  )}
                >
                  <span className="sm:hidden">{t("phonePrefix", { number: step.number })} </span>
                  <span className="hidden sm:inline">{t("widePrefix", { number: step.number })} · </span>
                  {step.name}
                </p>
                <p className="mt-0.5 text-xs text-slate-600">
                  {statusLabel(step.status)}
                  {step.current ? ` · ${t("current")}` : ""}
                  {step.decidedAt
                    ? ` · ${format.date(step.decidedAt)}`
                    : step.plannedDate
                      ? ` · ${t("planned", { date: format.date(step.plannedDate) })}`
                      : ""}
                </p>
                {step.objectives ? (
                  <p
                    id={`gate-objective-${step.number}`}
                    role="tooltip"
                    className={cx(
                      "mt-1 text-xs text-slate-700",
                      "sm:absolute sm:top-full sm:z-30 sm:mt-1 sm:hidden sm:w-60 sm:rounded-md sm:bg-slate-900 " +
                        "sm:p-2 sm:text-left sm:text-white sm:shadow-lg",
                      "sm:group-focus-within:block sm:group-hover:block",
                      i === 0 ? "sm:left-0" : i === steps.length - 1 ? "sm:right-0" : "sm:left-1/2 sm:-translate-x-1/2",
                    )}
                  >
                    <span className="font-semibold">{t("objective")} </span>
                    {step.objectives}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
