// A new project gets its gate instances, their artifacts, default boards and proposed planned
// dates from the policy version it is bound to.
import { and, eq, inArray } from "drizzle-orm";
import { type DbOrTx, one } from "@/db/client";
import { artifacts, gateBoardMembers, gates, projectMembers, type PolicyGate, type Project } from "@/db/schema";
import { applicableArtifacts } from "@/lib/domain/default-policy";
import { proposePlannedDates } from "@/lib/domain/gate-schedule";
import { SOURCE_LANGUAGE } from "@/lib/domain/localized-text";
import type { Locale } from "@/lib/i18n/locale";

/** Each applicable artifact with the roles that must approve it and its title's translations, as the policy says. */
function artifactsOfTemplate(template: PolicyGate, sizeClass: Project["sizeClass"], language: Locale) {
  return applicableArtifacts(template, sizeClass).map((a) => {
    const type = template.artifactTypes.find((t) => t.key === a.type);
    return { ...a, approverRoles: type?.approverRoles ?? [], language, translations: type?.translations ?? {} };
  });
}

/**
 * Creates a project's gates from its policy version. Names, objectives and artifact titles are copied
 * with their translations and the version's source language, so every reader sees them in their language.
 */
export async function instantiateGates(
  tx: DbOrTx,
  project: Project,
  policyGates: PolicyGate[],
  sourceLanguage: Locale = SOURCE_LANGUAGE,
): Promise<void> {
  const members = await tx.select().from(projectMembers).where(eq(projectMembers.projectId, project.id));
  const plannedDates = proposePlannedDates(policyGates, project.startDate, project.targetGoLiveDate);
  for (const template of [...policyGates].sort((a, b) => b.number - a.number)) {
    const gate = await one(
      tx
        .insert(gates)
        .values({
          projectId: project.id,
          number: template.number,
          name: template.name,
          objectives: template.objectives,
          language: sourceLanguage,
          translations: template.translations ?? {},
          decisionRule: template.decisionRule,
          quorum: template.quorum,
          plannedDate: plannedDates.get(template.number) ?? null,
        })
        .returning(),
    );
    const wanted = artifactsOfTemplate(template, project.sizeClass, sourceLanguage);
    if (wanted.length) {
      await tx.insert(artifacts).values(wanted.map((a) => ({ ...a, projectId: project.id, gateId: gate.id })));
    }
    const board = new Map<string, boolean>();
    for (const seat of template.defaultBoard) {
      for (const m of members.filter((m) => m.role === seat.projectRole)) {
        board.set(m.userId, (board.get(m.userId) ?? false) || seat.required);
      }
    }
    if (board.size) {
      await tx
        .insert(gateBoardMembers)
        .values([...board].map(([userId, required]) => ({ gateId: gate.id, userId, required })));
    }
  }
}

/** When someone joins a project in a role the policy seats on boards, seat them on the gates not yet decided. */
export async function seatOnDefaultBoards(
  tx: DbOrTx,
  projectId: string,
  userId: string,
  role: string,
  policyGates: PolicyGate[],
): Promise<void> {
  const open = await tx
    .select({ id: gates.id, number: gates.number })
    .from(gates)
    .where(and(eq(gates.projectId, projectId), inArray(gates.status, ["pending", "recycled"])));
  for (const gate of open) {
    const seat = policyGates.find((g) => g.number === gate.number)?.defaultBoard.find((s) => s.projectRole === role);
    if (!seat) continue;
    await tx
      .insert(gateBoardMembers)
      .values({ gateId: gate.id, userId, required: seat.required })
      .onConflictDoNothing();
  }
}
