// The public JSON shapes of sprints and scope items (API v1 field names; more may be added, none renamed).
import type { getSprint, listSprints } from "@/lib/data/sprints";
import type { scopeItems } from "@/db/schema";

type SprintRow = Awaited<ReturnType<typeof listSprints>>["sprints"][number];

export function sprintJson(s: SprintRow) {
  return {
    id: s.id,
    number: s.number,
    goal: s.goal,
    status: s.status,
    startDate: s.startDate,
    endDate: s.endDate,
    capacityDays: s.capacityDays,
    committedDays: s.committedDays,
    committedItems: s.committedItems,
    releaseId: s.releaseId,
    acceptanceComment: s.acceptanceComment,
    decidedAt: s.decidedAt,
    version: s.version,
    // Only for accounts that may see billing.
    ...(s.milestone ? { milestone: s.milestone } : {}),
  };
}

export function sprintDetailJson(d: Awaited<ReturnType<typeof getSprint>>) {
  const s = d.sprint;
  return {
    id: s.id,
    number: s.number,
    goal: s.goal,
    status: s.status,
    startDate: s.startDate,
    endDate: s.endDate,
    capacityDays: s.capacityDays,
    committedDays: d.committedDays,
    releaseId: s.releaseId,
    acceptanceComment: s.acceptanceComment,
    decidedBy: d.decidedBy,
    decidedAt: s.decidedAt,
    version: s.version,
    scopeItems: d.items.map(scopeItemJson),
    deployments: d.deployments.map((x) => ({
      id: x.id,
      releaseVersion: x.releaseVersion,
      environment: x.environment,
      deployedOn: x.deployedOn,
      recordedBy: x.recordedByName,
    })),
    acceptanceBlockers: d.blockers,
    ...(d.milestone
      ? {
          milestone: {
            id: d.milestone.id,
            status: d.milestone.status,
            amount: d.milestone.amount,
            currency: d.milestone.currency,
            invoiceReference: d.milestone.invoiceReference,
            version: d.milestone.version,
          },
        }
      : {}),
  };
}

export function scopeItemJson(i: typeof scopeItems.$inferSelect) {
  return {
    id: i.id,
    title: i.title,
    category: i.category,
    priority: i.priority,
    estimateDays: i.estimateDays,
    status: i.status,
    releaseId: i.releaseId,
    sprintId: i.sprintId,
    version: i.version,
  };
}
