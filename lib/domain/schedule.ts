// The macro schedule as a mermaid Gantt, generated (never typed) from gates, sprints, training
// sessions and migration waves. User text is escaped so it can never change the diagram's
// structure: mermaid's gantt grammar splits on ":", ";" and "#", and "%%" starts a comment.

export type ScheduleState = "done" | "active" | "late" | "planned";

export type ScheduleItem = {
  /** Section of the Gantt: "Gates", "Sprints", a module name… */
  group: string;
  /** Fixed kind prefix, so user text never starts a line (a task called "title" would be a keyword). */
  kind: "Gate" | "Go-live" | "Sprint" | "Training" | "Migration";
  label: string;
  start: string;
  /** Inclusive end date; absent for a milestone. */
  end?: string;
  state: ScheduleState;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 80;

/** Makes user text inert inside a gantt line: look-alike characters for the grammar's separators. */
export function escapeGanttText(text: string): string {
  const cleaned = text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/:/g, "∶")
    .replace(/;/g, "；")
    .replace(/#/g, "＃")
    .replace(/%/g, "％")
    .replace(/&/g, "＆")
    .replace(/</g, "‹")
    .replace(/>/g, "›")
    .replace(/[`"\\{}]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  const short = cleaned.length > MAX_TEXT ? `${cleaned.slice(0, MAX_TEXT - 1)}…` : cleaned;
  return short || "(untitled)";
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Valid items sorted by start date; end dates before the start are clamped. */
export function normalizeSchedule(items: ScheduleItem[]): ScheduleItem[] {
  return items
    .filter((i) => DATE.test(i.start) && (i.end === undefined || DATE.test(i.end)))
    .map((i) => (i.end !== undefined && i.end < i.start ? { ...i, end: i.start } : i))
    .sort((a, b) => (a.start === b.start ? a.kind.localeCompare(b.kind) : a.start < b.start ? -1 : 1));
}

const TAGS: Record<ScheduleState, string[]> = { done: ["done"], active: ["active"], late: ["crit"], planned: [] };

export function ganttDefinition(title: string, items: ScheduleItem[]): string {
  const lines = ["gantt", `  title ${escapeGanttText(title)}`, "  dateFormat YYYY-MM-DD", "  axisFormat %b %Y"];
  const normalized = normalizeSchedule(items);
  const groups = new Map<string, ScheduleItem[]>();
  for (const item of normalized) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  let n = 0;
  for (const [group, list] of groups) {
    lines.push(`  section ${escapeGanttText(group)}`);
    for (const item of list) {
      const id = `t${++n}`;
      const text = escapeGanttText(`${item.kind} · ${item.label}`);
      const tags = [...TAGS[item.state]];
      if (item.end === undefined) {
        tags.push("milestone");
        lines.push(`  ${text} :${[...tags, id, item.start, "0d"].join(", ")}`);
      } else {
        // Mermaid's end date is exclusive; ours is inclusive.
        lines.push(`  ${text} :${[...tags, id, item.start, addDays(item.end, 1)].join(", ")}`);
      }
    }
  }
  return lines.join("\n");
}
