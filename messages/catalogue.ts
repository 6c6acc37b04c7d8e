// The catalogues: one JSON file per area of the app and language (messages/<locale>/<area>.json),
// so work on different screens never edits the same file. Each area owns its top-level namespaces;
// lib/i18n/catalogues.test.ts checks that every area is listed here, exists in every language and
// shares no namespace with another area.
import type { Locale } from "@/lib/i18n/locale";
import { onceEach } from "@/lib/once-each";
import type auth from "./en/auth.json";
import type shell from "./en/shell.json";
import type admin from "./en/admin.json";
import type audit from "./en/audit.json";
import type auditSentences from "./en/auditSentences.json";
import type auditCheckpoints from "./en/auditCheckpoints.json";
import type billing from "./en/billing.json";
import type calendarFeed from "./en/calendarFeed.json";
import type common from "./en/common.json";
import type email from "./en/email.json";
import type dashboard from "./en/dashboard.json";
import type escalations from "./en/escalations.json";
import type frozen from "./en/frozen.json";
import type gates from "./en/gates.json";
import type goLive from "./en/goLive.json";
import type guardians from "./en/guardians.json";
import type health from "./en/health.json";
import type inputErrors from "./en/inputErrors.json";
import type integration from "./en/integration.json";
import type migration from "./en/migration.json";
import type notifications from "./en/notifications.json";
import type projectSetup from "./en/projectSetup.json";
import type projects from "./en/projects.json";
import type quality from "./en/quality.json";
import type refusals from "./en/refusals.json";
import type reports from "./en/reports.json";
import type roadmap from "./en/roadmap.json";
import type sessions from "./en/sessions.json";
import type settings from "./en/settings.json";
import type singleSignOn from "./en/singleSignOn.json";
import type sprints from "./en/sprints.json";
import type timeline from "./en/timeline.json";
import type twoFactor from "./en/twoFactor.json";
import type validation from "./en/validation.json";
import type webhooks from "./en/webhooks.json";

export const AREAS = [
  "auth",
  "shell",
  "admin",
  "audit",
  "auditSentences",
  "auditCheckpoints",
  "billing",
  "calendarFeed",
  "common",
  "dashboard",
  "email",
  "escalations",
  "frozen",
  "gates",
  "goLive",
  "guardians",
  "health",
  "inputErrors",
  "integration",
  "migration",
  "notifications",
  "projectSetup",
  "projects",
  "quality",
  "refusals",
  "reports",
  "roadmap",
  "sessions",
  "settings",
  "singleSignOn",
  "sprints",
  "timeline",
  "twoFactor",
  "validation",
  "webhooks",
] as const;

/** The English catalogue's shape: the type every translation key is checked against. */
export type Messages = typeof auth &
  typeof shell &
  typeof admin &
  typeof audit &
  typeof auditSentences &
  typeof auditCheckpoints &
  typeof billing &
  typeof calendarFeed &
  typeof common &
  typeof dashboard &
  typeof email &
  typeof escalations &
  typeof frozen &
  typeof gates &
  typeof goLive &
  typeof guardians &
  typeof health &
  typeof inputErrors &
  typeof integration &
  typeof migration &
  typeof notifications &
  typeof projectSetup &
  typeof projects &
  typeof quality &
  typeof refusals &
  typeof reports &
  typeof roadmap &
  typeof sessions &
  typeof settings &
  typeof singleSignOn &
  typeof sprints &
  typeof timeline &
  typeof twoFactor &
  typeof validation &
  typeof webhooks;

/**
 * Every area of one language, merged into the one object next-intl takes: loaded once per process
 * and shared by every request (frozen, so no caller can change another's words). Merging afresh on
 * each request cost a twelfth of an API request's time.
 */
export const loadMessages: (locale: Locale) => Promise<Messages> = onceEach(async (locale: Locale) => {
  const parts = await Promise.all(AREAS.map((area) => import(`./${locale}/${area}.json`)));
  return Object.freeze(Object.assign({}, ...parts.map((part: { default: object }) => part.default))) as Messages;
});
