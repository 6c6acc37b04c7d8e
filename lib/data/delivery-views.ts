// The public JSON shapes of sprints and scope items (API v1 field names; more may be added, none renamed).
import type { getSprint, listSprints } from "@/lib/data/sprints";
import type { qualityEvidence, scopeItems } from "@/db/schema";

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

/** A piece of quality evidence as the API answers it once recorded (a sprint's or a release's). */
export function recordedEvidenceJson(row: typeof qualityEvidence.$inferSelect) {
  return {
    id: row.id,
    activityKey: row.activityKey,
    result: row.result,
    reason: row.reason,
    link: row.link,
    // A stored file always has its name, size, checksum and type (lib/data/uploads).
    file: row.storedName
      ? {
          name: row.fileName ?? "evidence",
          size: row.size ?? 0,
          sha256: row.sha256 ?? "",
          mediaType: row.mediaType ?? "application/octet-stream",
        }
      : null,
    recordedAt: row.recordedAt,
  };
}

/** The evidence file of a multipart body bound by its operation (JSON bodies carry none); empty means none. */
export async function evidenceUpload(body: object): Promise<{ fileName: string; bytes: Buffer } | undefined> {
  const file = "file" in body ? body.file : undefined;
  return file instanceof File && file.size > 0
    ? { fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) }
    : undefined;
}
