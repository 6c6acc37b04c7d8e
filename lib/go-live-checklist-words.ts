// The go-live checklist in the reader's language: each item's label and detail said from its key
// and its facts (lib/domain/go-live readinessChecklist). The workflow decides what is done; this
// only words it, and in English exactly as the workflow's own label and detail (the test checks).
import { getTranslations } from "next-intl/server";
import type { ChecklistItem } from "@/lib/domain/go-live";

export type ChecklistTranslator = Awaited<ReturnType<typeof getTranslations<"goLiveChecklist">>>;
type Words = { label: string; detail: string };

/** For the go-live page: the request's language. */
export async function checklistWords(): Promise<(item: ChecklistItem) => Words> {
  const t = await getTranslations("goLiveChecklist");
  return (item) => sayChecklistItem(t, item);
}

/** One item's label and detail with the given translator. */
export function sayChecklistItem(t: ChecklistTranslator, { key, done, facts }: ChecklistItem): Words {
  /** "Gate 4", "Gates 7 to 4" for a run, "Gates 7, 5 and 3" otherwise. */
  const gates = (numbers: number[]) => {
    if (numbers.length === 1) return t("gate", { number: numbers[0] });
    const contiguous = numbers.every((n, i) => i === 0 || numbers[i - 1] - n === 1);
    if (contiguous) return t("gatesRun", { from: numbers[0], to: numbers[numbers.length - 1] });
    return t("gatesList", { list: numbers.slice(0, -1).join(", "), last: numbers[numbers.length - 1] });
  };
  const run = (env: "homologation" | "production", latest: "passed" | "failed" | null | undefined, open?: boolean) => {
    if (latest === "passed") return t("runPassed", { env });
    if (open) return latest === "failed" ? t("runOpenAfterFailure", { env }) : t("runOpen", { env });
    if (latest === "failed") return t("runFailed", { env });
    return t("runNone", { env });
  };
  switch (key) {
    case "homologation_passed":
      return { label: t("homologationLabel"), detail: run("homologation", facts.latest, facts.open) };
    case "production_passed":
      return { label: t("productionLabel"), detail: run("production", facts.latest, facts.open) };
    case "guardians_certified": {
      const uncovered = facts.uncovered ?? [];
      return {
        label: t("guardiansLabel"),
        detail: !facts.sites
          ? t("noSites")
          : uncovered.length === 0
            ? t("everySite", { count: facts.sites })
            : t("uncoveredSites", { sites: uncovered.join(", ") }),
      };
    }
    case "no_blocking_escalations":
      return {
        label: t("escalationsLabel"),
        detail: facts.openBlocking ? t("blockingOpen", { count: facts.openBlocking }) : t("noBlocking"),
      };
    case "gates_passed": {
      const required = facts.required ?? [];
      const notPassed = facts.notPassed ?? [];
      const which = required.length ? gates(required) : "";
      const label = required.length ? t("gatesLabel", { which, count: required.length }) : t("noGatesLabel");
      if (done)
        return {
          label,
          detail: required.length ? t("gatesDone", { which, count: required.length }) : t("noGatesDetail"),
        };
      return {
        label,
        detail: [
          notPassed.length ? t("notPassed", { list: notPassed.join(", ") }) : "",
          facts.openConditions ? t("conditionsOpen", { count: facts.openConditions }) : "",
        ]
          .filter(Boolean)
          .join(" "),
      };
    }
  }
}
