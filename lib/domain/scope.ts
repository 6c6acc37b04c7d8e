// Scope rules (DESIGN.md §2 ScopeItem): every change is recorded; after the MVP baseline a change
// needs a reason; the baseline is what the client owner approved, frozen as markdown for gate 6.
import type { MOSCOW, SCOPE_CATEGORIES, SCOPE_STATUSES } from "@/db/enums";
import { onField, refuse, type Outcome } from "@/lib/domain/refusal";

export type ScopeFields = {
  title: string;
  category: (typeof SCOPE_CATEGORIES)[number];
  priority: (typeof MOSCOW)[number];
  estimateDays: number;
  status: (typeof SCOPE_STATUSES)[number];
  releaseId: string | null;
};

export type ScopeChangeOutcome = Outcome<{
  change: "added" | "changed" | "removed";
  before: Partial<ScopeFields> | null;
  after: Partial<ScopeFields> | null;
  reason: string;
}>;

const FIELDS: (keyof ScopeFields)[] = ["title", "category", "priority", "estimateDays", "status", "releaseId"];

/** The fields that differ, as before/after halves. */
export function diffScope(before: ScopeFields, after: ScopeFields) {
  const b: Partial<ScopeFields> = {};
  const a: Partial<ScopeFields> = {};
  for (const f of FIELDS) {
    if (before[f] !== after[f]) {
      (b as Record<string, unknown>)[f] = before[f];
      (a as Record<string, unknown>)[f] = after[f];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

/**
 * Decides one scope change. `before` null = a new item, `after` null = removal.
 * `baselined`: the project has an approved MVP baseline, so the change needs a reason.
 */
export function decideScopeChange(
  before: ScopeFields | null,
  after: ScopeFields | null,
  options: { baselined: boolean; reason: string; committedToClosedSprint?: boolean },
): ScopeChangeOutcome {
  const reason = options.reason.trim();
  if (options.baselined && !reason) {
    const message = "The MVP scope is baselined: give the reason for this change.";
    return refuse("scope_reason_required", message, { kind: "input", fieldErrors: onField("reason", message) });
  }
  if (options.committedToClosedSprint) {
    return refuse(
      "scope_item_delivered",
      "This item was delivered in an accepted sprint; add a new item instead of changing it.",
    );
  }
  if (!before && after) return { ok: true, change: "added", before: null, after, reason: reason || "Initial scope" };
  if (before && !after) {
    if (before.status === "dropped")
      return refuse("scope_item_dropped", "This item is already removed from the scope.");
    return {
      ok: true,
      change: "removed",
      before,
      after: { status: "dropped" },
      reason: reason || "Removed from scope",
    };
  }
  if (before && after) {
    const diff = diffScope(before, after);
    if (!diff.changed) return refuse("scope_no_change", "Nothing changed.");
    return { ok: true, change: "changed", before: diff.before, after: diff.after, reason: reason || "Scope refined" };
  }
  return refuse("scope_no_change", "Nothing changed.");
}

export type BaselineItem = { id: string; title: string; category: string; priority: string; estimateDays: number };

/** Approving the MVP baseline needs MVP items and a client owner; the version counts up. */
export function decideBaseline(
  mvpItems: BaselineItem[],
  lastVersion: number | null,
): Outcome<{ version: number; totalDays: number }> {
  if (!mvpItems.length) return refuse("baseline_empty", "Release 1 (the MVP) has no scope items to approve.");
  const totalDays = Math.round(mvpItems.reduce((a, i) => a + i.estimateDays, 0) * 10) / 10;
  return { ok: true, version: (lastVersion ?? 0) + 1, totalDays };
}

/** The frozen MVP scope as markdown: the gate-6 "MVP scope" artifact version. */
export function baselineMarkdown(input: {
  projectName: string;
  version: number;
  approvedBy: string;
  approvedAt: string;
  totalDays: number;
  items: BaselineItem[];
}): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const categories = [...new Set(input.items.map((i) => i.category))].sort();
  const lines = [
    `# MVP scope: ${esc(input.projectName)}`,
    "",
    `Baseline version ${input.version}, approved by ${esc(input.approvedBy)} ` +
      `on ${input.approvedAt.slice(0, 10)}. Total estimate: ${input.totalDays} person-days.`,
    "",
  ];
  for (const category of categories) {
    const items = input.items.filter((i) => i.category === category);
    const days = Math.round(items.reduce((a, i) => a + i.estimateDays, 0) * 10) / 10;
    lines.push(
      `## ${category[0].toUpperCase()}${category.slice(1)} (${days} person-days)`,
      "",
      "| Item | Priority | Estimate (person-days) |",
      "|---|---|---|",
    );
    for (const i of items) lines.push(`| ${esc(i.title)} | ${i.priority.toUpperCase()} | ${i.estimateDays} |`);
    lines.push("");
  }
  return lines.join("\n");
}
