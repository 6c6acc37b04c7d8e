// What is wrong with a row of the migration RACI, in the reader's language. checkRaci
// (lib/domain/migration.ts) names each problem's kind and values; this turns them into the sentence
// the RACI editor shows while the matrix is typed. English reads exactly as the domain's message.
import { useTranslations } from "next-intl";
import type { RaciProblem } from "@/lib/domain/migration";

export type RaciTranslator = ReturnType<typeof useTranslations<"migrationPlan">>;

export function raciProblemText(t: RaciTranslator, { row, activity, issue }: RaciProblem): string {
  const label = activity || t("rowLabel", { number: row + 1 });
  switch (issue.kind) {
    case "unnamed":
      return t("problemUnnamed", { number: row + 1 });
    case "duplicate":
      return t("problemDuplicate", { label });
    case "phase":
      return t("problemPhase", { label });
    case "role":
      return t("problemRole", { label, role: issue.role });
    case "letter":
      return t("problemLetter", { label, letter: issue.letter });
    case "accountable":
      return t("problemAccountable", { label, count: issue.count });
    case "responsible":
      return t("problemResponsible", { label });
  }
}

/** The sentence for a problem, in a client component. */
export function useRaciProblemText(): (problem: RaciProblem) => string {
  const t = useTranslations("migrationPlan");
  return (problem) => raciProblemText(t, problem);
}
