// Demo quality data: a selection per delivered sprint (recommended by the real rule table),
// evidence per required activity, escaped defects, and one override with its justification.
// Runs AFTER the delivery seeder: it finds that seeder's sprints by project key + number.
import { and, asc, eq } from "drizzle-orm";
import { projectMembers, qualityEvidence, qualitySelections, sprints, users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { ensureDefaultQualityScale, loadRules, loadScale, toLevels, toRules } from "@/lib/data/quality-scale";
import { ESCAPED_DEFECT_WINDOW, recommend, type QualityAnswers } from "@/lib/domain/quality-selection";
import { addDays } from "@/lib/domain/estimate";
import type { DemoSeeder } from "./demo";
import { one } from "@/db/client";
import { inOrder } from "@/lib/in-order";

const NO: Omit<QualityAnswers, "changeSize"> = {
  touchesRating: false,
  touchesIntegrations: false,
  includesMigration: false,
  customerFacing: false,
  regulatory: false,
};

type SprintPlan = {
  answers: QualityAnswers;
  /** Defects found in production after this sprint. */
  escapedDefects?: number;
  /** A lower level than recommended, with the team's justification. */
  override?: { level: string; justification: string };
  /** Activity that failed (rejected sprints). */
  failed?: string;
};

const PLANS: Record<string, Record<number, SprintPlan>> = {
  "nordlicht-residential": {
    1: { answers: { changeSize: "medium", ...NO, touchesRating: true, regulatory: true } },
    2: { answers: { changeSize: "medium", ...NO, touchesRating: true, customerFacing: true }, escapedDefects: 2 },
    3: {
      answers: { changeSize: "medium", ...NO, touchesIntegrations: true, customerFacing: true, regulatory: true },
      override: {
        level: "QS3",
        justification:
          "Go-live-grade activities (guardian validation, 2× load test) are planned for the migration sprint; " +
          "this increment is not yet used by real customers.",
      },
      failed: "integration_tests",
    },
    4: {
      answers: { changeSize: "medium", ...NO, touchesIntegrations: true, customerFacing: true, regulatory: true },
      escapedDefects: 1,
    },
    5: { answers: { changeSize: "medium", ...NO, touchesIntegrations: true } },
    6: { answers: { changeSize: "large", ...NO, includesMigration: true } },
    7: { answers: { changeSize: "medium", ...NO, touchesIntegrations: true, regulatory: true } },
  },
  "nordlicht-emobility": {
    1: { answers: { changeSize: "medium", ...NO, touchesRating: true }, escapedDefects: 1 },
    2: { answers: { changeSize: "medium", ...NO, touchesIntegrations: true, customerFacing: true } },
    3: { answers: { changeSize: "small", ...NO, customerFacing: true } },
    4: { answers: { changeSize: "small", ...NO } },
  },
  "aquavale-metering": {
    1: { answers: { changeSize: "medium", ...NO, touchesRating: true, customerFacing: true } },
    2: { answers: { changeSize: "medium", ...NO, touchesIntegrations: true }, escapedDefects: 1 },
    3: { answers: { changeSize: "medium", ...NO, touchesRating: true } },
  },
};

/** Activities waived in accepted sprints, with the reason a reviewer would accept. */
const WAIVERS: Record<string, string> = {
  performance_test: "Batch path unchanged since the last performance run; the previous sprint's results still apply.",
  rollback_rehearsal: "Rollback rehearsed in the previous sprint with the same deployment pipeline.",
};

export const seedQuality: DemoSeeder = async (tx, world) => {
  await ensureDefaultQualityScale(tx);
  const scale = await loadScale(tx);
  const levels = toLevels(scale);
  const rules = toRules(await loadRules(tx));
  for (const [key, plans] of Object.entries(PLANS)) {
    const project = world.projects[key];
    if (!project) continue;
    const team = await tx
      .select({ role: projectMembers.role, user: users })
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(eq(projectMembers.projectId, project.id));
    const pm = team.find((m) => m.role === "project_manager")?.user;
    if (!pm) continue;
    const engineer = team.find((m) => m.role === "team_member")?.user ?? pm;
    const ctx: RequestContext = { actor: { ...pm, organizationId: null }, ip: null, userAgent: "demo seed" };
    const rows = await tx.select().from(sprints).where(eq(sprints.projectId, project.id)).orderBy(asc(sprints.number));
    const defects: number[] = [];
    for (const sprint of rows) {
      const plan = plans[sprint.number];
      if (!plan || sprint.status === "planned") continue;
      const recent = defects.slice(-ESCAPED_DEFECT_WINDOW).reduce((a, b) => a + b, 0);
      const recommendation = recommend(levels, rules, plan.answers, recent);
      const chosenLevel = plan.override?.level ?? recommendation.level.level;
      const chosen = scale.find((l) => l.level === chosenLevel) ?? scale[0];
      const selection = await one(
        tx
          .insert(qualitySelections)
          .values({
            projectId: project.id,
            sprintId: sprint.id,
            answers: plan.answers,
            recommendedLevel: recommendation.level.level,
            reasons: recommendation.reasons,
            chosenLevel: chosen.level,
            justification: plan.override?.justification ?? null,
            activities: chosen.activities.map((a) => ({
              key: a.key,
              name: a.name,
              environment: a.environment,
              timing: a.timing,
              gateNumber: a.gateNumber,
            })),
            selectedBy: pm.id,
            selectedAt: `${sprint.startDate}T09:30:00.000Z`,
          })
          .returning(),
      );
      await recordAudit(tx, ctx, {
        action: "quality.selection.create",
        objectType: "quality_selection",
        objectId: selection.id,
        projectId: project.id,
        after: {
          sprintNumber: sprint.number,
          recommendedLevel: selection.recommendedLevel,
          chosenLevel: selection.chosenLevel,
        },
      });

      // An active sprint is mid-way: only the first half of its activities has evidence yet.
      const withEvidence =
        sprint.status === "active"
          ? chosen.activities.slice(0, Math.floor(chosen.activities.length / 2))
          : chosen.activities;
      await inOrder(withEvidence, async (activity, i) => {
        const waived = sprint.status === "accepted" && WAIVERS[activity.key];
        const failed = plan.failed === activity.key;
        await tx.insert(qualityEvidence).values({
          selectionId: selection.id,
          activityKey: activity.key,
          result: failed ? "failed" : waived ? "waived" : "passed",
          reason: failed ? "Two partner messages rejected by the SAP FI-CA test client." : waived || null,
          link: waived ? null : `https://ci.nordlicht-vendor.example/${key}/sprint-${sprint.number}/${activity.key}`,
          recordedBy: activity.environment === "development" ? engineer.id : i % 2 ? engineer.id : pm.id,
          recordedAt: `${addDays(sprint.endDate, -2)}T${String(10 + (i % 8)).padStart(2, "0")}:00:00.000Z`,
        });
      });

      if (plan.escapedDefects) {
        await tx
          .update(sprints)
          .set({ escapedDefects: plan.escapedDefects })
          .where(and(eq(sprints.id, sprint.id), eq(sprints.projectId, project.id)));
      }
      defects.push(plan.escapedDefects ?? 0);
    }
  }
};
