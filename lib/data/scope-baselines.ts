// The MVP scope baseline: approved by the client owner (versioned, with a baseline estimate
// snapshot), and frozen by the PM as a markdown version of the gate-6 "MVP scope" artifact.
import { and, asc, desc, eq, lt, ne, sql } from "drizzle-orm";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { jsonArrayLength } from "@/db/sql";
import { artifacts, gates, projectMembers, scopeBaselines, scopeItems, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { addArtifactVersion } from "@/lib/data/artifacts";
import { projectCommand } from "@/lib/data/command";
import { decodeCursor } from "@/lib/data/cursor";
import { takeSnapshot } from "@/lib/data/estimates";
import { refreshProjectHealth } from "@/lib/data/health";
import { notify } from "@/lib/data/notifications";
import { mvpRelease } from "@/lib/data/roadmap";
import type { Actor } from "@/lib/domain/permissions";
import { baselineMarkdown, decideBaseline } from "@/lib/domain/scope";
import { AppError, refused } from "@/lib/errors";

/** The approved baselines, newest first: all of them, or a page (before the cursor's version). */
export async function listBaselines(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: { limit: number; cursor?: string | null },
) {
  await loadProjectAccess(db, actor, projectId);
  const before = page?.cursor ? decodeCursor(page.cursor, ["number"])[0] : null;
  const query = db
    .select({
      id: scopeBaselines.id,
      version: scopeBaselines.version,
      totalDays: scopeBaselines.totalDays,
      approvedAt: scopeBaselines.approvedAt,
      approvedBy: users.name,
      itemCount: jsonArrayLength(scopeBaselines.items),
    })
    .from(scopeBaselines)
    .innerJoin(users, eq(users.id, scopeBaselines.approvedBy))
    .where(
      and(eq(scopeBaselines.projectId, projectId), before === null ? undefined : lt(scopeBaselines.version, before)),
    )
    .orderBy(desc(scopeBaselines.version));
  return await (page ? query.limit(page.limit + 1) : query);
}

/** The client owner approves the current MVP (release 1) scope as the next baseline version. */
export async function approveBaseline(db: Db, ctx: RequestContext, input: { projectId: string }) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "scope.approve",
    run: async ({ tx, project, audit }) => {
      const mvp = await mvpRelease(tx, project.id);
      const items = mvp
        ? await tx
            .select({
              id: scopeItems.id,
              title: scopeItems.title,
              category: scopeItems.category,
              priority: scopeItems.priority,
              estimateDays: scopeItems.estimateDays,
            })
            .from(scopeItems)
            .where(
              and(
                eq(scopeItems.projectId, project.id),
                eq(scopeItems.releaseId, mvp.id),
                ne(scopeItems.status, "dropped"),
                ne(scopeItems.priority, "wont"),
              ),
            )
            .orderBy(asc(scopeItems.category), asc(scopeItems.createdAt))
        : [];
      const last = await first(
        tx
          .select({ v: sql<number | null>`max(${scopeBaselines.version})` })
          .from(scopeBaselines)
          .where(eq(scopeBaselines.projectId, project.id)),
      );
      const decision = decideBaseline(items, last?.v ?? null);
      if (!decision.ok) refused(decision.refusal);
      const baseline = await one(
        tx
          .insert(scopeBaselines)
          .values({
            projectId: project.id,
            version: decision.version,
            items,
            totalDays: decision.totalDays,
            approvedBy: ctx.actor.id,
            approvedAt: new Date().toISOString(),
          })
          .returning(),
      );
      await takeSnapshot(tx, project, "baseline", null);
      audit({
        action: "scope.baseline.approve",
        objectType: "scope_baseline",
        objectId: baseline.id,
        after: { version: baseline.version, totalDays: baseline.totalDays, items: items.length },
      });
      const pms = await tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.role, "project_manager")));
      await notify(tx, ctx.actor.id, {
        userIds: pms.map((p) => p.userId),
        projectId: project.id,
        kind: "scope.baseline",
        title: `MVP scope baseline v${baseline.version} approved for ${project.name}`,
        params: { version: baseline.version, project: project.name },
        href: `/projects/${project.id}/roadmap`,
      });
      await refreshProjectHealth(tx, project.id);
      return baseline;
    },
  });
}

/** The gate-6 "MVP scope" artifact of the project, if its policy has one. */
export async function mvpScopeArtifact(tx: DbOrTx, projectId: string) {
  return (
    (await first(
      tx
        .select({ artifact: artifacts, gateNumber: gates.number })
        .from(artifacts)
        .innerJoin(gates, eq(gates.id, artifacts.gateId))
        .where(and(eq(artifacts.projectId, projectId), eq(artifacts.type, "mvp_scope")))
        .orderBy(asc(gates.number)),
    )) ?? null
  );
}

/**
 * Freezes the latest approved baseline as a new markdown version of the MVP-scope artifact, through
 * the artifact workflow itself (lib/data/artifacts): the artifact goes (back) to submitted, earlier
 * reviews are dismissed, the board is notified. The baseline row is immutable, so reading it
 * before that transaction cannot go stale.
 */
export async function freezeBaseline(db: Db, ctx: RequestContext, input: { projectId: string }) {
  const { project } = await requireProjectPermission(db, ctx.actor, input.projectId, "scope.edit");
  const baseline = await first(
    db
      .select({ b: scopeBaselines, approver: users.name })
      .from(scopeBaselines)
      .innerJoin(users, eq(users.id, scopeBaselines.approvedBy))
      .where(eq(scopeBaselines.projectId, project.id))
      .orderBy(desc(scopeBaselines.version)),
  );
  if (!baseline)
    throw new AppError(
      "rule_refused",
      "The client owner has not approved an MVP scope baseline yet.",
      "baseline_missing",
      undefined,
      { problem: "baselineMissing" },
    );
  const found = await mvpScopeArtifact(db, project.id);
  if (!found)
    throw new AppError(
      "rule_refused",
      "This project's gate policy has no MVP scope artifact.",
      "mvp_artifact_missing",
      undefined,
      {
        problem: "mvpArtifactMissing",
      },
    );
  const markdown = baselineMarkdown({
    projectName: project.name,
    version: baseline.b.version,
    approvedBy: baseline.approver,
    approvedAt: baseline.b.approvedAt,
    totalDays: baseline.b.totalDays,
    items: baseline.b.items,
  });
  const { version } = await addArtifactVersion(db, ctx, {
    projectId: project.id,
    artifactId: found.artifact.id,
    source: { kind: "markdown", markdown },
    note: `MVP scope baseline v${baseline.b.version}`,
  });
  return { artifactId: found.artifact.id, versionNumber: version.number, gateNumber: found.gateNumber };
}
