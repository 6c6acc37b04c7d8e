// The contract of the reports: the macro schedule with its Gantt, and the weekly status reports,
// frozen snapshots read back without vendor-internal figures for those who may not see them.
import { z } from "zod";
import { HEALTH } from "@/db/enums";
import { LOCALES } from "@/lib/i18n/locale";
import { operation } from "./operation";
import { calendarDate, id, instant, pageOf, pageQuery, projectPath } from "./shared";

export const ScheduleItem = z
  .object({
    group: z.string().meta({ description: "Section of the Gantt: Gates, Sprints, a module name…" }),
    kind: z.enum(["Gate", "Go-live", "Sprint", "Training", "Migration"]),
    label: z.string(),
    start: calendarDate,
    end: calendarDate.optional().meta({ description: "Inclusive; absent for milestones" }),
    state: z.enum(["done", "active", "late", "planned"]),
  })
  .meta({ id: "ScheduleItem" });

export const StatusReportSummary = z
  .object({
    id: z.uuid(),
    weekOf: calendarDate.meta({ description: "Monday of the ISO week" }),
    isoWeek: z.string().meta({ examples: ["2026-W47"] }),
    generatedAt: instant,
    health: z.enum(HEALTH),
  })
  .meta({ id: "StatusReportSummary" });

const line = z.object({ text: z.string(), date: calendarDate.optional() }).meta({ id: "ReportLine" });

/** As frozen at generation: its values are the ones of that week, never recomputed. */
const Snapshot = z
  .object({
    schemaVersion: z.literal(1),
    language: z
      .enum(LOCALES)
      .optional()
      .meta({ description: "The project's language its sentences were frozen in; absent means English." }),
    project: z.object({
      id: z.uuid(),
      name: z.string(),
      clientName: z.string(),
      status: z.string(),
      targetGoLiveDate: calendarDate,
      health: z.string(),
    }),
    weekOf: calendarDate,
    isoWeek: z.string(),
    period: z.object({
      from: instant.nullable().meta({ description: "The previous report's generation; null for the first" }),
      to: instant,
    }),
    progress: z.object({
      gatesDecided: z.array(line),
      sprintsAccepted: z.array(line),
      scopeChanges: z.array(line),
    }),
    gateStatus: z.object({
      current: line.nullable(),
      gates: z.array(
        z.object({ number: z.number().int(), name: z.string(), status: z.string(), date: z.string().nullable() }),
      ),
    }),
    sprintStatus: z.array(
      z.object({
        number: z.number().int(),
        goal: z.string(),
        status: z.string(),
        startDate: calendarDate,
        endDate: calendarDate,
      }),
    ),
    risks: z.array(
      z.object({
        text: z.string(),
        severity: z.enum(["high", "medium", "low"]),
        source: z.enum(["health", "escalation", "condition"]),
      }),
    ),
    decisions: z.array(line),
    nextSteps: z.array(line),
    auditHead: z
      .object({
        seq: z.number().int(),
        hash: z.string(),
        at: instant,
        signature: z.string(),
        keyFingerprint: z.string(),
      })
      .nullable()
      .optional()
      .meta({
        description:
          "The audit chain's signed head when the report was generated: with it, `npm run audit:verify -- " +
          "--head <seq>:<hash>` proves that no later history was cut. Absent in reports made before heads were signed.",
      }),
    internal: z
      .object({
        notes: z.string(),
        billableAmount: z.number(),
        currency: z.string(),
        forecastGoLive: z.string().nullable(),
        forecastCost: z.number().nullable(),
      })
      .optional()
      .meta({ description: "Present only for vendor staff who may see internal figures." }),
  })
  .meta({
    id: "StatusReportSnapshot",
    description:
      "Frozen at generation; never recomputed. `internal` is present only for vendor staff who may see " +
      "internal figures.",
  });

export const StatusReport = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    weekOf: calendarDate,
    generatedAt: instant,
    snapshot: Snapshot,
    language: z.enum(LOCALES).meta({ description: "The language the report was frozen in (the project's)." }),
    markdown: z.string().meta({
      description:
        "The report as markdown in the language it was frozen in (without vendor-internal figures for client " +
        "accounts); the markdown download frames it in the reader's language.",
    }),
    canGenerate: z.boolean().meta({ description: "Whether the caller may generate this week's report." }),
  })
  .meta({ id: "StatusReport" });

const tag = "Reports";
const project = "/api/v1/projects/{projectId}";
const reportPath = projectPath.extend({ reportId: id("status report") });

export const getScheduleOp = operation({
  id: "getSchedule",
  method: "get",
  path: `${project}/schedule`,
  tag,
  summary:
    "The macro schedule: gates, sprints, training sessions and migration waves, " +
    "with the mermaid Gantt drawn from them",
  description: "Not paged: the Gantt is drawn from every item, and the items are bounded by the project's plan.",
  params: projectPath,
  success: {
    status: 200,
    description: "The schedule",
    schema: z
      .object({
        items: z.array(ScheduleItem),
        mermaid: z.string().meta({ description: "Mermaid gantt source; user text escaped" }),
      })
      .meta({ id: "Schedule" }),
  },
  errors: [403],
});

export const listStatusReportsOp = operation({
  id: "listStatusReports",
  method: "get",
  path: `${project}/status-reports`,
  tag,
  summary: "The project's weekly status reports, newest first",
  params: projectPath,
  query: pageQuery(25),
  success: { status: 200, description: "A page of reports", schema: pageOf(StatusReportSummary) },
  errors: [403, 422],
});

export const generateStatusReportOp = operation({
  id: "generateStatusReport",
  method: "post",
  path: `${project}/status-reports`,
  tag,
  summary:
    "Generate (freeze) this ISO week's status report (project managers); " +
    "409 `report_exists` if the week already has one",
  params: projectPath,
  body: z.strictObject({}).meta({ description: "No fields: the report is made of the project's facts." }),
  success: { status: 201, description: "Generated", schema: StatusReport },
  errors: [403, 409, 422],
});

export const getStatusReportOp = operation({
  id: "getStatusReport",
  method: "get",
  path: `${project}/status-reports/{reportId}`,
  tag,
  summary: "One status report (client accounts get it without vendor-internal fields)",
  params: reportPath,
  success: { status: 200, description: "The report", schema: StatusReport },
  errors: [403],
});

export const getStatusReportMarkdownOp = operation({
  id: "getStatusReportMarkdown",
  method: "get",
  path: `${project}/status-reports/{reportId}/markdown`,
  tag,
  summary: "Download one status report as markdown (attachment)",
  params: reportPath,
  success: { status: 200, description: "The markdown file", mediaType: "text/markdown" },
  errors: [403],
});

/** The generate form sends only the project: the operation's path, as the action validates it. */
export const generateStatusReportInput = generateStatusReportOp.params;

export const statusReportOperations = [
  getScheduleOp,
  listStatusReportsOp,
  generateStatusReportOp,
  getStatusReportOp,
  getStatusReportMarkdownOp,
];
