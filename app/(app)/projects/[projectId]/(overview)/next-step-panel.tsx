// The PM's "Next step" on the project overview: what the current gate still needs, each with a
// link to where it is fixed. The diagnosis comes from lib/domain/next-step (the same rules that
// refuse a submission or a decision); this component only words and links it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { NextStepView } from "@/lib/data/next-step";
import type { NextStepItem } from "@/lib/domain/next-step";

type Words = ReturnType<typeof useTranslations<"nextStep">>;

function headline(t: Words, stage: NextStepView["stage"], number: number): string {
  switch (stage) {
    case "prepare":
      return t("prepare", { number });
    case "ready_to_submit":
      return t("readyToSubmit", { number });
    case "in_review":
      return t("inReview", { number });
    case "ready_to_decide":
      return t("readyToDecide", { number });
    case "stopped":
      return t("stopped");
  }
}

/** A project role as it reads mid-sentence ("client owner"). */
const roleWords = (t: Words, role: string | null) => (role ? t("roleInSentence", { role }) : null);

/** "A", "A or B", "A, B or C". */
const listed = (t: Words, names: string[]) =>
  names.length < 2 ? names.join("") : t("orList", { head: names.slice(0, -1).join(", "), last: names.at(-1)! });

function describe(
  t: Words,
  item: NextStepItem,
  names: Record<string, string>,
): { text: string; fix: string; anchor: string; tone: "danger" | "warning" | "info" } {
  switch (item.kind) {
    case "artifact_missing":
      return {
        text: t("artifactMissing", { title: item.title }),
        fix: t("addVersion"),
        anchor: "artifacts",
        tone: "danger",
      };
    case "condition_open":
      return {
        text: t("conditionOpen", { number: item.gateNumber, text: item.text }),
        fix: t("conditionsOf", { number: item.gateNumber }),
        anchor: "conditions",
        tone: "danger",
      };
    case "board":
      return { text: item.message, fix: t("seatBoard"), anchor: "board", tone: "danger" };
    case "artifact_changes":
      return {
        text: t("artifactChanges", { title: item.title }),
        fix: t("addVersion"),
        anchor: "artifacts",
        tone: "warning",
      };
    case "artifact_awaiting": {
      const parts = item.awaiting.map((w) => {
        const who = w.userIds.map((id) => names[id] ?? t("aBoardMember"));
        const as = roleWords(t, w.role);
        if (!who.length) return as ? t("noneWhoMayAs", { role: as }) : t("noneWhoMay");
        return as ? t("whoAs", { who: listed(t, who), role: as }) : listed(t, who);
      });
      const text = parts.length
        ? t("awaitingBy", {
            title: item.title,
            who: parts.reduce((all, part) => t("andList", { head: all, last: part })),
          })
        : t("awaiting", { title: item.title });
      return {
        text: item.requirement === "should" ? t("recommended", { text }) : text,
        fix: t("reviewIt"),
        anchor: "artifacts",
        tone: "info",
      };
    }
    case "vote":
      return {
        text: item.required ? t("notVotedRequired", { name: item.name }) : t("notVoted", { name: item.name }),
        fix: t("seeVotes"),
        anchor: "votes",
        tone: item.required ? "warning" : "info",
      };
  }
}

export function NextStepPanel({ projectId, step }: { projectId: string; step: NextStepView }) {
  const t = useTranslations("nextStep");
  const gateLink = (anchor: string, number = step.gate.number) => `/projects/${projectId}/gates/${number}#${anchor}`;
  return (
    <Card title={t("title")} id="next-step">
      <p className="text-sm font-medium text-slate-900">{headline(t, step.stage, step.gate.number)}</p>
      {step.stage !== "stopped" ? (
        <p className="mt-1 text-xs text-slate-600">
          {t("gateName", { number: step.gate.number, name: step.gate.name })}
        </p>
      ) : null}
      {step.items.length ? (
        <ul className="mt-3 space-y-2" aria-label={t("stillNeeds")}>
          {step.items.map((item, index) => {
            const { text, fix, anchor, tone } = describe(t, item, step.names);
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
                    {tone === "danger" ? t("blocks") : tone === "warning" ? t("toDo") : t("waiting")}
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
            {t("submitGate", { number: step.gate.number })}
          </Link>
        </p>
      ) : step.stage !== "stopped" ? (
        <p className="mt-3">
          <Link className="text-sm text-brand-700 underline" href={step.gate.href}>
            {t("openGate", { number: step.gate.number })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
