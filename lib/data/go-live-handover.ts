// The handover to the helpdesk, which ends the implementation phase: the project becomes live.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { type Db, first, one } from "@/db/client";
import { handovers, projectMembers, projects } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { projectCommand } from "@/lib/data/command";
import { acceptanceOf } from "@/lib/data/go-live-acceptance";
import { personOf, publishEvent } from "@/lib/data/domain-events";
import { notify } from "@/lib/data/notifications";
import * as rules from "@/lib/domain/go-live";
import { AppError, refused } from "@/lib/errors";
import type { recordHandoverInput } from "@/lib/contract/go-live";

/** The handover to the helpdesk: the project becomes live and the implementation phase ends. */
export async function recordHandover(db: Db, ctx: RequestContext, input: z.infer<typeof recordHandoverInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "handover.record",
    run: async ({ tx, project, audit }) => {
      const existing = await first(
        tx.select({ id: handovers.id }).from(handovers).where(eq(handovers.projectId, project.id)),
      );
      const outcome = rules.recordHandover(project.status, await acceptanceOf(tx, project.id), Boolean(existing));
      if (!outcome.ok) refused(outcome.refusal);
      const handover = await one(
        tx
          .insert(handovers)
          .values({
            projectId: project.id,
            handoverDate: input.handoverDate,
            supportContacts: input.supportContacts,
            openItems: input.openItems,
            recordedBy: ctx.actor.id,
            recordedAt: new Date().toISOString(),
          })
          .returning(),
      );
      const updated = await first(
        tx
          .update(projects)
          .set({ status: outcome.nextStatus, version: project.version + 1, updatedAt: new Date().toISOString() })
          .where(and(eq(projects.id, project.id), eq(projects.version, project.version)))
          .returning(),
      );
      if (!updated)
        throw new AppError(
          "stale_version",
          "The project changed in the meantime. Reload and try again.",
          "stale_version",
          undefined,
          { problem: "projectChangedMeanwhile" },
        );
      audit(
        {
          action: "handover.record",
          objectType: "handover",
          objectId: handover.id,
          after: {
            handoverDate: input.handoverDate,
            supportContacts: input.supportContacts.length,
            openItems: input.openItems.length,
          },
        },
        ...outcome.events.map((event) => ({
          action: event.action,
          objectType: "project",
          objectId: project.id,
          before: { status: project.status },
          after: event.after,
        })),
      );
      await publishEvent(tx, "helpdesk.handed_over", project, {
        handover: { id: handover.id, handoverDate: handover.handoverDate, openItems: input.openItems.length },
        recordedBy: personOf(ctx.actor),
        recordedAt: handover.recordedAt,
      });
      const members = await tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(eq(projectMembers.projectId, project.id));
      await notify(tx, ctx.actor.id, {
        userIds: members.map((m) => m.userId),
        projectId: project.id,
        kind: "project.live",
        title: `${project.name} is live and handed over to the helpdesk`,
        params: { project: project.name },
        href: `/projects/${project.id}/go-live`,
      });
      return handover;
    },
  });
}
