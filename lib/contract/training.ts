// The contract of guardian training: modules and their materials, sessions, enrolment and
// attendance, and the training calendar (DESIGN.md §4.4).
import { z } from "zod";
import { MATERIAL_KINDS, SESSION_MODES, TRAINING_MODULE_KINDS } from "@/db/enums";
import { optionalText } from "@/lib/validation/common";
import {
  attendanceFields,
  enrolmentFields,
  materialLinkFields,
  moduleFields,
  sessionFields,
  sessionModeRule,
} from "@/lib/validation/readiness";
import { actionInput, operation } from "./operation";
import { id, instant, pageOf, pageQuery, projectPath } from "./shared";

const modulePath = projectPath.extend({ moduleId: id("training module") });
const materialPath = projectPath.extend({ materialId: id("material") });
const sessionPath = projectPath.extend({ sessionId: id("training session") });

const moduleRecord = {
  id: z.uuid(),
  projectId: z.uuid(),
  kind: z.enum(TRAINING_MODULE_KINDS),
  name: z.string(),
  description: z.string(),
  required: z.boolean().meta({ description: "Whether guardians must pass it to be certified." }),
  passMark: z.number().int().meta({ description: "The score (0–100) that passes the module." }),
  createdAt: instant,
};

export const TrainingMaterial = z
  .object({
    id: z.uuid(),
    moduleId: z.uuid(),
    title: z.string(),
    kind: z.enum(MATERIAL_KINDS),
    url: z.string().nullable(),
    fileName: z.string().nullable(),
    sha256: z.string().nullable(),
    size: z.number().int().nullable(),
    mediaType: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: "TrainingMaterial" });

export const TrainingModule = z
  .object({
    id: z.uuid(),
    kind: z.enum(TRAINING_MODULE_KINDS),
    name: z.string(),
    description: z.string(),
    required: moduleRecord.required,
    passMark: moduleRecord.passMark,
    materials: z.array(TrainingMaterial),
  })
  .meta({ id: "TrainingModule" });

const sessionRecord = {
  id: z.uuid(),
  projectId: z.uuid(),
  moduleId: z.uuid(),
  startsAt: instant,
  durationMinutes: z.number().int(),
  mode: z.enum(SESSION_MODES),
  siteId: z.uuid().nullable(),
  meetingUrl: z.string().nullable(),
  trainerId: z.uuid(),
  notes: z.string(),
  createdAt: instant,
};

export const TrainingSession = z
  .object({
    ...sessionRecord,
    moduleName: z.string(),
    moduleKind: z.enum(TRAINING_MODULE_KINDS),
    siteName: z.string().nullable(),
    trainerName: z.string(),
    attendees: z.array(
      z.object({
        guardianId: z.uuid(),
        name: z.string(),
        siteName: z.string(),
        attended: z.boolean().nullable().meta({ description: "Null until attendance is recorded." }),
        score: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: "TrainingSession" });

export const listTrainingModulesOp = operation({
  id: "listTrainingModules",
  method: "get",
  path: "/api/v1/projects/{projectId}/training-modules",
  tag: "Training",
  summary: "The project's training modules with their materials, oldest first",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of modules", schema: pageOf(TrainingModule) },
  errors: [422],
});

export const createTrainingModuleOp = operation({
  id: "createTrainingModule",
  method: "post",
  path: "/api/v1/projects/{projectId}/training-modules",
  tag: "Training",
  summary: "Add a training module (PM and team)",
  params: projectPath,
  body: z.object(moduleFields).meta({ id: "TrainingModuleInput" }),
  success: {
    status: 201,
    description: "The new module",
    schema: z.object(moduleRecord).meta({ id: "NewTrainingModule" }),
  },
  errors: [403],
});

export const addTrainingMaterialOp = operation({
  id: "addTrainingMaterial",
  method: "post",
  path: "/api/v1/projects/{projectId}/training-modules/{moduleId}/materials",
  tag: "Training",
  summary: "Add a material: a multipart `file` part (and optional `title`), or JSON {title, url}",
  params: modulePath,
  body: z.object(materialLinkFields).meta({ id: "TrainingMaterialLink" }),
  form: z
    .object({
      file: z
        .file("A file is required.")
        .refine((file) => file.size > 0, "A file is required.")
        .meta({ description: "At most 20 MB; pdf, png, jpeg, docx, xlsx, pptx, txt, md, csv or zip." }),
      title: optionalText(200),
    })
    .meta({ id: "TrainingMaterialUpload" }),
  success: { status: 201, description: "The new material", schema: TrainingMaterial },
  errors: [403, 413, 415],
});

export const downloadTrainingMaterialOp = operation({
  id: "downloadTrainingMaterial",
  method: "get",
  path: "/api/v1/projects/{projectId}/training-materials/{materialId}/file",
  tag: "Training",
  summary: "Download a file material (always as an attachment)",
  params: materialPath,
  success: { status: 200, description: "The file", mediaType: "application/octet-stream" },
});

export const listTrainingSessionsOp = operation({
  id: "listTrainingSessions",
  method: "get",
  path: "/api/v1/projects/{projectId}/training-sessions",
  tag: "Training",
  summary: "The project's training sessions, by start",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of sessions", schema: pageOf(TrainingSession) },
  errors: [422],
});

export const scheduleTrainingSessionOp = operation({
  id: "scheduleTrainingSession",
  method: "post",
  path: "/api/v1/projects/{projectId}/training-sessions",
  tag: "Training",
  summary: "Schedule a session: on site (`siteId`) or remote (`meetingUrl`), optionally enrolling guardians",
  params: projectPath,
  body: z.object(sessionFields).superRefine(sessionModeRule).meta({ id: "TrainingSessionInput" }),
  success: {
    status: 201,
    description: "The scheduled session",
    schema: z.object(sessionRecord).meta({ id: "NewTrainingSession" }),
  },
  errors: [403],
});

export const getTrainingSessionOp = operation({
  id: "getTrainingSession",
  method: "get",
  path: "/api/v1/projects/{projectId}/training-sessions/{sessionId}",
  tag: "Training",
  summary: "One training session with its attendees",
  params: sessionPath,
  success: { status: 200, description: "The session", schema: TrainingSession },
});

export const cancelTrainingSessionOp = operation({
  id: "cancelTrainingSession",
  method: "delete",
  path: "/api/v1/projects/{projectId}/training-sessions/{sessionId}",
  tag: "Training",
  summary: "Cancel the session (409 `session_has_attendance` once attendance was recorded)",
  params: sessionPath,
  success: { status: 204, description: "Cancelled" },
  errors: [403, 409],
});

export const enrolAttendeesOp = operation({
  id: "enrolAttendees",
  method: "post",
  path: "/api/v1/projects/{projectId}/training-sessions/{sessionId}/attendance",
  tag: "Training",
  summary: 'Enrol guardians: `{"guardianIds": ["…"]}`',
  params: sessionPath,
  body: z.object(enrolmentFields).meta({ id: "Enrolment" }),
  success: { status: 200, description: "The session with its attendees", schema: TrainingSession },
  errors: [403, 409],
});

export const recordAttendanceOp = operation({
  id: "recordAttendance",
  method: "put",
  path: "/api/v1/projects/{projectId}/training-sessions/{sessionId}/attendance",
  tag: "Training",
  summary: 'Record attendance and scores: `{"records": [{"guardianId": "…", "attended": true, "score": 85}]}`',
  params: sessionPath,
  body: z.object(attendanceFields).meta({ id: "Attendance" }),
  success: { status: 200, description: "The session with its attendees", schema: TrainingSession },
  errors: [403, 409],
});

export const trainingCalendarOp = operation({
  id: "trainingCalendar",
  method: "get",
  path: "/api/v1/projects/{projectId}/training-sessions.ics",
  tag: "Training",
  summary: "The project's training calendar as an RFC 5545 file, for Outlook, Google Calendar and co.",
  params: projectPath,
  success: { status: 200, description: "The calendar", mediaType: "text/calendar" },
});

/** What the training page's forms take: the path's ids and the body, validated by the operations' schemas. */
export const createModuleInput = actionInput(createTrainingModuleOp);
export const addMaterialLinkInput = actionInput(addTrainingMaterialOp);
export const scheduleSessionInput = actionInput(scheduleTrainingSessionOp);
export const enrolAttendeesInput = actionInput(enrolAttendeesOp);
export const recordAttendanceInput = actionInput(recordAttendanceOp);

export const trainingOperations = [
  listTrainingModulesOp,
  createTrainingModuleOp,
  addTrainingMaterialOp,
  downloadTrainingMaterialOp,
  listTrainingSessionsOp,
  scheduleTrainingSessionOp,
  getTrainingSessionOp,
  cancelTrainingSessionOp,
  enrolAttendeesOp,
  recordAttendanceOp,
  trainingCalendarOp,
];
