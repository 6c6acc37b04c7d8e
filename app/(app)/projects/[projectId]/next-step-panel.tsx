// The PM's "Next step" on the project overview: what the current gate still needs, each with a
// link to where it is fixed. The diagnosis comes from lib/domain/next-step (the same rules that
// refuse a submission or a decision); this component only words and links it.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { NextStepView } from "@/lib/data/next-step";
import type { NextStepItem } from "@/lib/domain/next-step";

const HEADLINE: Record<NextStepView["stage"], (n: number) => string> = {
  prepare: (n) => `Gate ${n} cannot be submitted yet. What is missing:`,
  ready_to_submit: (n) => `Gate ${n} can be submitted for review.`,
  in_review: (n) => `Gate ${n} is in review. Before the board can decide a go:`,
  ready_to_decide: (n) =>
    `Gate ${n} is waiting for the board's decision: every required artifact is approved and the decision rule is met.`,
  stopped: () => "No gate is waiting for you: the current gate is decided or the project is not running.",
};

const role = (r: string | null) => (r ? r.replace(/_/g, " ") : null);
const listed = (names: string[]) =>
  names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;

function describe(
  item: NextStepItem,
  names: Record<string, string>,
): { text: string; fix: string; anchor: string; tone: "danger" | "warning" | "info" } {
  switch (item.kind) {
    case "artifact_missing":
      return { text: `“${item.title}” has no version yet.`, fix: "Add a version", anchor: "artifacts", tone: "danger" };
    case "condition_open":
      return {
        text: `Condition of gate ${item.gateNumber} still open: ${item.text}`,
        fix: `Gate ${item.gateNumber}'s conditions`,
        anchor: "conditions",
        tone: "danger",
      };
    case "board":
      return { text: item.message, fix: "Seat board members", anchor: "board", tone: "danger" };
    case "artifact_changes":
      return {
        text: `Changes were requested on “${item.title}”: it needs a new version.`,
        fix: "Add a version",
        anchor: "artifacts",
        tone: "warning",
      };
    case "artifact_awaiting": {
      const parts = item.awaiting.map((w) => {
        const who = w.userIds.map((id) => names[id] ?? "a board member");
        const as = role(w.role);
        if (!who.length)
          return as ? `a ${as} on the board (there is none who may)` : "another board member (there is none who may)";
        return as ? `${listed(who)} (${as})` : listed(who);
      });
      const text = parts.length
        ? `“${item.title}” awaits review by ${parts.join(" and ")}.`
        : `“${item.title}” awaits review.`;
      return {
        text: item.requirement === "should" ? `${text} (recommended artifact)` : text,
        fix: "Review it",
        anchor: "artifacts",
        tone: "info",
      };
    }
    case "vote":
      return {
        text: `${item.name}${item.required ? " (required)" : ""} has not voted yet.`,
        fix: "See the votes",
        anchor: "votes",
        tone: item.required ? "warning" : "info",
      };
  }
}

export function NextStepPanel({ projectId, step }: { projectId: string; step: NextStepView }) {
  const gateLink = (anchor: string, number = step.gate.number) => `/projects/${projectId}/gates/${number}#${anchor}`;
  return (
    <Card title="Next step" id="next-step">
      <p className="text-sm font-medium text-slate-900">{HEADLINE[step.stage](step.gate.number)}</p>
      {step.stage !== "stopped" ? (
        <p className="mt-1 text-xs text-slate-600">
          Gate {step.gate.number}: {step.gate.name}
        </p>
      ) : null}
      {step.items.length ? (
        <ul className="mt-3 space-y-2" aria-label="What the gate still needs">
          {step.items.map((item, index) => {
            const { text, fix, anchor, tone } = describe(item, step.names);
            const href = item.kind === "condition_open" ? gateLink(anchor, item.gateNumber) : gateLink(anchor);
            return (
              <li
                key={index}
                className={
                  "flex flex-col gap-1 rounded-md border border-slate-200 p-2 text-sm sm:flex-row " +
                  "sm:items-start sm:justify-between sm:gap-3"
                }
              >
                <span className="flex min-w-0 items-start gap-2 text-slate-800">
                  <Badge tone={tone} className="mt-0.5 shrink-0">
                    {tone === "danger" ? "Blocks" : tone === "warning" ? "To do" : "Waiting"}
                  </Badge>
                  <span className="min-w-0 break-words">{text}</span>
                </span>
                <Link className="shrink-0 text-brand-700 underline sm:text-right" href={href}>
                  {fix}
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
      {step.rule ? <p className="mt-3 text-xs text-slate-600">{step.rule}</p> : null}
      {step.stage === "ready_to_submit" ? (
        <p className="mt-3">
          <Link className="text-sm font-medium text-brand-700 underline" href={gateLink("submit")}>
            Submit gate {step.gate.number} for review
          </Link>
        </p>
      ) : step.stage !== "stopped" ? (
        <p className="mt-3">
          <Link className="text-sm text-brand-700 underline" href={step.gate.href}>
            Open gate {step.gate.number}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
