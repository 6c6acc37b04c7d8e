// An audit event in a person's words: "Paula Martins approved *Statement of Work* on gate 7 of
// *Stadtwerke tariffs*", and its before/after as "field: old → new". Pure: the data layer resolves
// the names (actor, object title, gate, project) and passes them in; the table below turns an
// action into a phrase. An action missing from the table still reads as a sentence (the fallback).

export type AuditNames = {
  /** The actor's name; null for the system (seed, scheduled jobs). */
  actor: string | null;
  /** The object's title (artifact title, project name, "Sprint 3"…); null when it no longer exists. */
  object: string | null;
  /** The gate the object belongs to (a gate itself, its artifacts and conditions). */
  gate?: number | null;
  /** The project, when the reader is not already on that project's own trail. */
  project?: string | null;
};

export type AuditSentenceInput = {
  action: string;
  objectType: string;
  before: unknown;
  after: unknown;
  names: AuditNames;
};

/** A run of text; `emphasis` marks a title (shown in italics). */
export type SentencePart = { text: string; emphasis?: boolean };

/** How an object is called when its title is unknown ("an artifact"), or always, for one-of-a-kind objects. */
const NOUNS: Record<string, string> = {
  api_token: "an API token",
  calendar_feed: "a calendar feed",
  webhook: "a webhook",
  artifact: "an artifact",
  client_organization: "a client organisation",
  escalation: "an escalation",
  external_system: "an external system",
  gate: "a gate",
  gate_condition: "a condition",
  gate_policy_version: "a policy version",
  go_live_acceptance: "the go-live acceptance",
  guardian: "a guardian",
  handover: "the handover to the helpdesk",
  interface: "an interface",
  migration_plan: "the migration plan",
  migration_wave: "a migration wave",
  payment_milestone: "a payment milestone",
  project: "a project",
  quality_activity: "a test activity",
  quality_evidence: "test evidence",
  quality_rule: "a quality rule",
  quality_selection: "a quality selection",
  quality_standard: "a quality standard",
  release: "a release",
  scope_baseline: "a scope baseline",
  scope_item: "a scope item",
  site: "a site",
  sprint: "a sprint",
  status_report: "a status report",
  training_material: "training material",
  training_module: "a training module",
  training_session: "a training session",
  user: "an account",
  validation_run: "a validation run",
};

/** Objects whose phrase is always the noun (there is one per project). */
const ONE_OF_A_KIND = new Set(["go_live_acceptance", "handover", "migration_plan"]);

/**
 * Action → phrase. `{object}` is the object's title (or noun); `{after.x}` / `{before.x}` a value of
 * the payload, humanised. The phrase follows the actor's name.
 */
export const AUDIT_PHRASES: Record<string, string> = {
  "account.invite": "invited {object}",
  "account.invite.revoke": "withdrew the open links of {object}",
  "account.password_reset_link": "issued a password reset link for {object}",
  "account.password.change": "changed the password of {object}",
  "account.password.set": "set the password of {object} with a one-time link",
  "session.revoke": "ended a session of {object} ({after.device}, {after.ip})",
  "session.revoke_others": "signed {object} out of every other session",
  "user.access.revoke": "ended every session and revoked every API token of {object}",
  "api_token.create": "created the API token {object}",
  "api_token.revoke": "revoked the API token {object}",
  "calendar_feed.create": "created a calendar feed address",
  "calendar_feed.revoke": "revoked a calendar feed address",
  "webhook.create": "registered the webhook {after.url}",
  "webhook.delete": "deleted the webhook {before.url}",
  "webhook.rotate_secret": "rotated the secret of the webhook {after.url}",
  "webhook.enable": "enabled the webhook {before.url} again",
  "webhook.disable": "disabled the webhook {after.url} after failed deliveries",
  "webhook.test": "sent a test event to the webhook {after.url}",
  "webhook.resend": "sent a delivery to the webhook {after.url} again",
  "email_preferences.change": "changed the email settings of {object}",
  "email_preferences.unsubscribe": "turned off a kind of email for {object} with an unsubscribe link",
  "artifact.submit": "submitted version {after.version} of {object}",
  "artifact.version.add": "added version {after.version} of {object}",
  "artifact.approve": "approved {object}",
  "artifact.request_changes": "requested changes to {object}",
  "billing.terms.update": "changed the billing terms of {object}",
  "escalation.raise": "raised the escalation {object}",
  "escalation.triage": "triaged the escalation {object}",
  "escalation.status": "set the escalation {object} to {after.status}",
  "gate.board.add": "added a member to the board of {object}",
  "gate.board.update": "changed a board member of {object}",
  "gate.board.remove": "removed a member from the board of {object}",
  "gate.condition.meet": "marked the condition {object} as met",
  "gate.decide": "decided {after.decision} on {object}",
  "gate.plan": "planned {object}",
  "gate.submit": "submitted {object} for review",
  "gate.vote": "voted {after.vote} on {object}",
  "gate.vote.change": "changed their vote on {object} to {after.vote}",
  "go_live_acceptance.create": "set up {object}",
  "go_live_acceptance.update": "changed {object}",
  "go_live_acceptance.sign": "signed {object}",
  "go_live_acceptance.complete": "completed {object}: every required signer signed",
  "guardian.nominate": "nominated {object} as a guardian",
  "guardian.renominate": "nominated {object} as a guardian again",
  "guardian.certify": "certified {object} as a guardian",
  "guardian.decertify": "withdrew the certification of {object}",
  "guardian.move": "moved the guardian {object} to another site",
  "guardian.withdraw": "withdrew {object} as a guardian",
  "guardian.status": "updated the training status of the guardian {object}",
  "handover.record": "recorded {object}",
  "interface.create": "added the interface {object}",
  "interface.update": "changed the interface {object}",
  "interface.delete": "deleted the interface {object}",
  "interface.advance": "moved the interface {object} to {after.status}",
  "interface.reopen": "reopened the interface {object}",
  "migration_plan.update": "updated {object}",
  "migration_raci.update": "updated the RACI of {object}",
  "migration_run.record": "recorded a run of the migration wave {object}",
  "migration_wave.create": "planned the migration wave {object}",
  "migration_wave.start": "started the migration wave {object}",
  "migration_wave.update": "changed the migration wave {object}",
  "milestone.billable": "made the payment milestone {object} billable",
  "milestone.invoice": "invoiced the payment milestone {object}",
  "milestone.paid": "marked the payment milestone {object} as paid",
  "organization.create": "created the client organisation {object}",
  "organization.sso.update": "changed the single sign-on provisioning of {object}",
  "policy.publish": "published the policy {object}",
  "project.create": "created the project {object}",
  "project.update": "edited {object}",
  "project.gate_advance": "moved {object} on to gate {after.currentGate}",
  "project.go_live": "took {object} live",
  "project.member.add": "added a member to {object}",
  "project.member.remove": "removed a member from {object}",
  "quality.activity.add": "added the test activity {object}",
  "quality.activity.update": "changed the test activity {object}",
  "quality.activity.remove": "removed the test activity {object}",
  "quality.evidence.record": "recorded test evidence for {object}",
  "quality.level.update": "changed the quality standard {object}",
  "quality.rule.add": "added the quality rule {object}",
  "quality.rule.update": "changed the quality rule {object}",
  "quality.rule.remove": "removed the quality rule {object}",
  "quality.selection.create": "chose quality standard {after.chosenLevel} for {object}",
  "quality.selection.change": "changed the quality standard of {object} to {after.chosenLevel}",
  "release.create": "added {object}",
  "release.update": "changed {object}",
  "scope.added": "added the scope item {object}",
  "scope.changed": "changed the scope item {object}",
  "scope.removed": "removed the scope item {object}",
  "scope.baseline.approve": "approved the scope baseline {object}",
  "site.create": "added the site {object}",
  "sprint.plan": "planned {object}",
  "sprint.start": "started {object}",
  "sprint.submit_review": "sent {object} for the client's review",
  "sprint.accept": "accepted {object}",
  "sprint.reject": "rejected {object}",
  "sprint.reopen": "reopened {object}",
  "sprint.deployment.record": "recorded a deployment of {object}",
  "sprint.escaped_defects.record": "recorded escaped defects of {object}",
  "status_report.generate": "generated the status report {object}",
  "system.create": "added the external system {object}",
  "system.update": "changed the external system {object}",
  "system.delete": "deleted the external system {object}",
  "training.attendance.record": "recorded attendance at {object}",
  "training.material.add": "added material to {object}",
  "training.module.create": "created the training module {object}",
  "training.module.update": "changed the training module {object}",
  "training.session.schedule": "scheduled {object}",
  "training.session.enrol": "enrolled guardians in {object}",
  "training.session.cancel": "cancelled {object}",
  "upload.tamper_detected": "was refused the file of {object}: its stored copy was altered",
  "user.create": "created the account of {object}",
  "user.disable": "disabled the account of {object}",
  "user.enable": "enabled the account of {object}",
  "user.password.change": "changed the password of {object}",
  "user.password.reset": "reset the password of {object}",
  "user.sessions.revoke": "signed {object} out everywhere",
  "user.sso.sign_in": "signed in as {object} through single sign-on",
  "user.sso.provision": "created the account {object} through single sign-on",
  "user.sso.refuse": "refused a single sign-on to {object} ({after.reason})",
  "user.password_sign_in.disable": "turned off password sign-in for {object}",
  "user.password_sign_in.enable": "turned on password sign-in for {object}",
  "account.sign_in": "signed in",
  "account.sign_in.fail": "refused a sign-in as {after.email} ({after.reason})",
  "account.sign_in.throttle": "paused sign-ins as {after.email} until {after.until}",
  "account.proof.fail": "refused a wrong password or code for {after.step} ({after.reason})",
  "account.two_factor.enrol": "turned on two-factor sign-in",
  "account.two_factor.disable": "turned off two-factor sign-in",
  "account.two_factor.recovery_code.use": "signed in with a recovery code ({after.remaining} left)",
  "account.two_factor.recovery_codes.regenerate": "replaced their recovery codes with a new set",
  "user.two_factor.reset": "reset the two-factor sign-in of {object}",
  "two_factor.policy.change": "made two-factor sign-in {after.rule}",
  "validation_run.open": "opened {object}",
  "validation_run.close": "closed {object} as {after.status}",
  "validation_scenario.add": "added a scenario to {object}",
  "validation_scenario.move": "reordered the scenarios of {object}",
  "validation_scenario.record": "recorded {after.result} for “{after.title}” in {object}",
  "validation_scenario.remove": "removed a scenario from {object}",
};

/**
 * "on_hold" → "on hold", "conditional_go" → "conditional go", camelCase → words; values read lower-case
 * mid-sentence.
 */
export function humanizeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value.replace(/_/g, " ");
  if (Array.isArray(value))
    return value.length === 0
      ? "none"
      : value.every((v) => typeof v !== "object" || v === null)
        ? value.map(humanizeValue).join(", ")
        : `${value.length} item${value.length === 1 ? "" : "s"}`;
  return "details";
}

/** "targetGoLiveDate" → "Target go-live date"; "internal_notes" → "Internal notes". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .replace(/\bgo live\b/g, "go-live")
    .replace(/\bsha256\b/g, "SHA-256")
    .replace(/\bid\b/g, "ID")
    .replace(/\bip\b/g, "IP");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The object's title: resolved by the data layer, or else as the event recorded it (a deleted object). */
function titleOf(input: AuditSentenceInput): string | null {
  if (input.names.object) return input.names.object;
  for (const payload of [record(input.after), record(input.before)]) {
    for (const key of ["title", "name"])
      if (typeof payload[key] === "string" && payload[key]) return payload[key] as string;
  }
  return null;
}

/**
 * What stands where the phrase says {object}: a title (emphasised), a gate's number, the type's
 * noun ("an artifact"), or nothing, when the phrase already names the type ("deleted the interface")
 * and there is no title to follow it.
 */
export type ObjectSlot =
  | { kind: "title"; text: string }
  | { kind: "gate"; number: number }
  | { kind: "noun"; objectType: string }
  | { kind: "none" };

/**
 * An event's sentence before it is put into words: which phrase, who, what, the phrase's values
 * (raw, by the key after `after.`/`before.`), and where. English words it below; lib/audit-words.ts
 * words the same plan from the catalogue in the reader's language.
 */
export type AuditSentencePlan = {
  action: string;
  /** False when the action is not in AUDIT_PHRASES: the fallback sentence. */
  known: boolean;
  actor: string | null;
  object: ObjectSlot;
  values: Record<string, unknown>;
  /** The gate the object belongs to (" on gate 7"), when the object is not the gate itself. */
  gate: number | null;
  /** The project, when the sentence names it (" of Stadtwerke tariffs"). */
  project: string | null;
};

const NAMES_ITS_TYPE = /(\bthe [a-z -]+?) \{object\}/;
const fallbackPhrase = (action: string) => `did “${fallbackAction(action)}” on {object}`;
/** "user.invitation.send" → "user invitation send", as the fallback sentence quotes it. */
export const fallbackAction = (action: string) => action.replace(/[._]/g, " ");

export function planAuditSentence(input: AuditSentenceInput): AuditSentencePlan {
  const { names, objectType } = input;
  const known = Object.hasOwn(AUDIT_PHRASES, input.action);
  const template = known ? AUDIT_PHRASES[input.action] : fallbackPhrase(input.action);
  const oneOfAKind = ONE_OF_A_KIND.has(objectType);
  const title = oneOfAKind ? null : titleOf(input);
  // "deleted the interface {object}" without a title reads "deleted the interface", not "… an interface".
  const untitled = objectType !== "gate" && !oneOfAKind && !titleOf(input);
  const object: ObjectSlot =
    objectType === "gate" && names.gate
      ? { kind: "gate", number: names.gate }
      : title
        ? { kind: "title", text: title }
        : untitled && NAMES_ITS_TYPE.test(template)
          ? { kind: "none" }
          : { kind: "noun", objectType };
  const values: Record<string, unknown> = {};
  for (const [, side, key] of template.matchAll(/\{(before|after)\.(\w+)\}/g))
    values[key] = record(side === "before" ? input.before : input.after)[key];
  return {
    action: input.action,
    known,
    actor: names.actor,
    object,
    values,
    gate: names.gate && objectType !== "gate" ? names.gate : null,
    project: names.project && !(objectType === "project" && names.object === names.project) ? names.project : null,
  };
}

/** The English noun of an object type; an unknown type reads "a thing part". */
export const englishNoun = (objectType: string) => NOUNS[objectType] ?? `a ${objectType.replace(/_/g, " ")}`;

function objectPart(object: ObjectSlot): SentencePart[] {
  switch (object.kind) {
    case "gate":
      return [{ text: `gate ${object.number}` }];
    case "title":
      return [{ text: object.text, emphasis: true }];
    case "noun":
      return [{ text: englishNoun(object.objectType) }];
    case "none":
      return [];
  }
}

function fill(plan: AuditSentencePlan): SentencePart[] {
  const phrase = plan.known ? AUDIT_PHRASES[plan.action] : fallbackPhrase(plan.action);
  const template = plan.object.kind === "none" ? phrase.replace(NAMES_ITS_TYPE, "$1") : phrase;
  const parts: SentencePart[] = [];
  for (const piece of template.split(/(\{[^}]+\})/)) {
    if (!piece) continue;
    const token = /^\{(.+)\}$/.exec(piece)?.[1];
    if (!token) parts.push({ text: piece });
    else if (token === "object") parts.push(...objectPart(plan.object));
    else parts.push({ text: humanizeValue(plan.values[token.split(".")[1]]) });
  }
  return parts;
}

/** The event as sentence parts, in English: actor, phrase, and where (gate, project). */
export function describeAuditEvent(input: AuditSentenceInput): SentencePart[] {
  const plan = planAuditSentence(input);
  const parts: SentencePart[] = [{ text: plan.actor ?? "The system" }, { text: " " }, ...fill(plan)];
  if (plan.gate) parts.push({ text: ` on gate ${plan.gate}` });
  if (plan.project) parts.push({ text: " of " }, { text: plan.project, emphasis: true });
  return merge(parts);
}

/** Adjacent plain runs joined, so the rendered sentence has no needless spans. */
function merge(parts: SentencePart[]): SentencePart[] {
  const out: SentencePart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && !last.emphasis && !p.emphasis) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

export const sentenceText = (parts: SentencePart[]) => parts.map((p) => p.text).join("");

export type AuditChange = { field: string; label: string; from: string | null; to: string | null };

/**
 * Before and after as a list of changed fields, old → new. A field only in `after` (a creation, or a
 * detail of the event) has no "from"; one only in `before` has no "to". Unchanged fields are left out.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  return rawAuditChanges(before, after).map(({ field, from, to }) => ({
    field,
    label: fieldLabel(field),
    from: from ? humanizeValue(from.value) : null,
    to: to ? humanizeValue(to.value) : null,
  }));
}

/** The same changes with their values as recorded, for words in another language. */
export type RawAuditChange = { field: string; from: { value: unknown } | null; to: { value: unknown } | null };

export function rawAuditChanges(before: unknown, after: unknown): RawAuditChange[] {
  const b = record(before);
  const a = record(after);
  const changes: RawAuditChange[] = [];
  for (const field of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    const inBefore = field in b;
    const inAfter = field in a;
    if (inBefore && inAfter && JSON.stringify(b[field]) === JSON.stringify(a[field])) continue;
    changes.push({ field, from: inBefore ? { value: b[field] } : null, to: inAfter ? { value: a[field] } : null });
  }
  return changes;
}

/** An action for a filter list: "gate.vote.change" → "Gate: vote change". */
export function actionLabel(action: string): string {
  const [head, ...rest] = action.split(".");
  const words = (s: string) => s.replace(/_/g, " ");
  const first = words(head).charAt(0).toUpperCase() + words(head).slice(1);
  return rest.length ? `${first}: ${rest.map(words).join(" ")}` : first;
}
