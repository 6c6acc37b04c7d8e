import type { ReactNode } from "react";
import { cx } from "./cx";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export function Badge({
  tone = "neutral",
  children,
  className,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
}) {
  return <span className={cx("badge", `badge-${tone}`, className)}>{children}</span>;
}

/** Tone for the statuses used across the app. */
const STATUS_TONES: Record<string, Tone> = {
  active: "info",
  on_hold: "warning",
  killed: "danger",
  live: "success",
  closed: "neutral",
  pending: "neutral",
  in_review: "info",
  go: "success",
  conditional_go: "warning",
  hold: "warning",
  recycled: "neutral",
  missing: "neutral",
  submitted: "info",
  approved: "success",
  changes_requested: "warning",
  planned: "neutral",
  accepted: "success",
  rejected: "danger",
  billable: "info",
  invoiced: "warning",
  paid: "success",
  passed: "success",
  failed: "danger",
  waived: "warning",
  open: "info",
  met: "success",
  nominated: "neutral",
  in_training: "info",
  certified: "success",
  withdrawn: "neutral",
  signed: "success",
  designed: "neutral",
  developed: "info",
  tested: "warning",
  resolved: "success",
  triaged: "info",
  in_progress: "info",
};

export const humanize = (value: string) => value.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <Badge tone={STATUS_TONES[status] ?? "neutral"}>{label ?? humanize(status)}</Badge>;
}

const HEALTH_TONES = { green: "success", amber: "warning", red: "danger" } as const;

export function HealthBadge({ health, reasons }: { health: "green" | "amber" | "red"; reasons?: string[] }) {
  return (
    <Badge tone={HEALTH_TONES[health]}>
      <span aria-hidden className={`health-dot health-dot-${health}`} />
      <span>{humanize(health)}</span>
      {reasons?.length ? <span className="sr-only">: {reasons.join("; ")}</span> : null}
    </Badge>
  );
}
