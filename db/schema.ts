// The tables lib/data queries, from the schema of the database this process uses (DATABASE_URL:
// SQLite when unset, PostgreSQL for postgres://). Both schemas have the same tables, columns,
// constraints and indexes (db/schema-parity.test.ts), so lib/data is written once, typed against
// the SQLite definitions; the row types are the same on both.
import * as pg from "./schema-pg";
import * as sqlite from "./schema-sqlite";
import { databaseDialect } from "./url";

export * from "./enums";
export type {
  GlobalRole,
  ProjectRole,
  SizeClass,
  Requirement,
  PolicyGate,
  User,
  AccountInvitation,
  AccountSession,
  ClientOrganization,
  Project,
  ProjectMember,
  AuditEvent,
  AuditCheckpoint,
  Gate,
  Artifact,
  ArtifactVersion,
  Sprint,
  ScopeItem,
} from "./schema-sqlite";

const tables = (databaseDialect() === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const clientOrganizations = tables.clientOrganizations;
export const users = tables.users;
export const accountInvitations = tables.accountInvitations;
export const signInAttempts = tables.signInAttempts;
export const sessions = tables.sessions;
export const singleSignOnDomains = tables.singleSignOnDomains;
export const apiTokens = tables.apiTokens;
export const twoFactorAccounts = tables.twoFactorAccounts;
export const twoFactorRecoveryCodes = tables.twoFactorRecoveryCodes;
export const twoFactorPolicy = tables.twoFactorPolicy;
export const projects = tables.projects;
export const projectMembers = tables.projectMembers;
export const auditEvents = tables.auditEvents;
export const auditCheckpoints = tables.auditCheckpoints;
export const notifications = tables.notifications;
export const gatePolicies = tables.gatePolicies;
export const gatePolicyVersions = tables.gatePolicyVersions;
export const gates = tables.gates;
export const gateBoardMembers = tables.gateBoardMembers;
export const gateVotes = tables.gateVotes;
export const gateDecisions = tables.gateDecisions;
export const gateConditions = tables.gateConditions;
export const artifacts = tables.artifacts;
export const artifactVersions = tables.artifactVersions;
export const artifactReviews = tables.artifactReviews;
export const releases = tables.releases;
export const sprints = tables.sprints;
export const scopeItems = tables.scopeItems;
export const scopeChanges = tables.scopeChanges;
export const scopeBaselines = tables.scopeBaselines;
export const sprintDeployments = tables.sprintDeployments;
export const estimateSnapshots = tables.estimateSnapshots;
export const paymentMilestones = tables.paymentMilestones;
export const qualityStandards = tables.qualityStandards;
export const qualityActivities = tables.qualityActivities;
export const qualityRules = tables.qualityRules;
export const qualitySelections = tables.qualitySelections;
export const qualityEvidence = tables.qualityEvidence;
export const sites = tables.sites;
export const guardians = tables.guardians;
export const trainingModules = tables.trainingModules;
export const trainingMaterials = tables.trainingMaterials;
export const trainingSessions = tables.trainingSessions;
export const trainingAttendance = tables.trainingAttendance;
export const escalations = tables.escalations;
export const validationRuns = tables.validationRuns;
export const validationScenarios = tables.validationScenarios;
export const goLiveAcceptances = tables.goLiveAcceptances;
export const goLiveSigners = tables.goLiveSigners;
export const goLiveSignOffs = tables.goLiveSignOffs;
export const handovers = tables.handovers;
export const externalSystems = tables.externalSystems;
export const interfaces = tables.interfaces;
export const migrationPlans = tables.migrationPlans;
export const migrationWaves = tables.migrationWaves;
export const migrationRuns = tables.migrationRuns;
export const statusReports = tables.statusReports;
export const calendarFeeds = tables.calendarFeeds;
export const calendarEntries = tables.calendarEntries;
export const outboxEvents = tables.outboxEvents;
export const outboxCursors = tables.outboxCursors;
export const outboxDeliveries = tables.outboxDeliveries;
export const outboxAttempts = tables.outboxAttempts;
export const webhookEndpoints = tables.webhookEndpoints;
export const emailPreferences = tables.emailPreferences;
export const emailDigests = tables.emailDigests;
export const passwordResets = tables.passwordResets;
