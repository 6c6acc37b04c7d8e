import { useTranslations } from "next-intl";
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
export const STATUS_TONES: Record<string, Tone> = {
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

/**
 * The statuses' names in the reader's language, by machine value, each said only when asked for (a
 * page of fifty rows asks for one name per badge, not all forty). A status not listed here (one a
 * later feature adds) shows its humanized machine value until it gets a message.
 */
function useStatusNames(): Record<string, () => string> {
  const t = useTranslations("statusBadge");
  return statusNamesOf(t);
}

export type StatusWords = ReturnType<typeof useTranslations<"statusBadge">>;

export function statusNamesOf(t: StatusWords): Record<string, () => string> {
  return {
    active: () => t("active"),
    on_hold: () => t("onHold"),
    killed: () => t("killed"),
    live: () => t("live"),
    closed: () => t("closed"),
    pending: () => t("pending"),
    in_review: () => t("inReview"),
    go: () => t("go"),
    conditional_go: () => t("conditionalGo"),
    hold: () => t("hold"),
    recycled: () => t("recycled"),
    missing: () => t("missing"),
    submitted: () => t("submitted"),
    approved: () => t("approved"),
    changes_requested: () => t("changesRequested"),
    planned: () => t("planned"),
    accepted: () => t("accepted"),
    rejected: () => t("rejected"),
    billable: () => t("billable"),
    invoiced: () => t("invoiced"),
    paid: () => t("paid"),
    passed: () => t("passed"),
    failed: () => t("failed"),
    waived: () => t("waived"),
    open: () => t("open"),
    met: () => t("met"),
    nominated: () => t("nominated"),
    in_training: () => t("inTraining"),
    certified: () => t("certified"),
    withdrawn: () => t("withdrawn"),
    signed: () => t("signed"),
    designed: () => t("designed"),
    developed: () => t("developed"),
    tested: () => t("tested"),
    resolved: () => t("resolved"),
    triaged: () => t("triaged"),
    in_progress: () => t("inProgress"),
    proposed: () => t("proposed"),
    done: () => t("done"),
    dropped: () => t("dropped"),
    rehearsing: () => t("rehearsing"),
    ready: () => t("ready"),
    migrating: () => t("migrating"),
    completed: () => t("completed"),
  };
}

/** A status's name in the reader's language (for selects and headings that show a status without a badge). */
export function useStatusName(): (status: string) => string {
  return statusNameFrom(useStatusNames());
}

export const statusNameFrom = (names: Record<string, () => string>) => (status: string) =>
  Object.hasOwn(names, status) ? names[status]() : humanize(status);

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const name = useStatusName();
  return <Badge tone={STATUS_TONES[status] ?? "neutral"}>{label ?? name(status)}</Badge>;
}

export const HEALTH_TONES = { green: "success", amber: "warning", red: "danger" } as const;

/** Green, amber, red in the reader's language. */
export function useHealthName(): (health: "green" | "amber" | "red") => string {
  const h = useTranslations("healthBadge");
  const names = { green: h("green"), amber: h("amber"), red: h("red") };
  return (health) => names[health];
}

export function HealthBadge({ health, reasons }: { health: "green" | "amber" | "red"; reasons?: string[] }) {
  const name = useHealthName();
  return (
    <Badge tone={HEALTH_TONES[health]}>
      <span aria-hidden className={`health-dot health-dot-${health}`} />
      <span>{name(health)}</span>
      {reasons?.length ? <span className="sr-only">: {reasons.join("; ")}</span> : null}
    </Badge>
  );
}
