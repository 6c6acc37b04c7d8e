// The rules of editing a gate policy (DESIGN.md §2 GatePolicy, §4): what makes a policy
// version valid, and when a draft may be published as the next immutable version.
// Pure: the data layer loads the latest version, asks here, then writes.
import { DECISION_RULES, PROJECT_ROLES, SIZE_CLASSES } from "@/db/enums";
import { cleanTranslations, languagesOf, SOURCE_LANGUAGE, type Translations } from "@/lib/domain/localized-text";
import { approverLabel, scheduleLabel } from "@/lib/domain/policy-labels";
import type { Locale } from "@/lib/i18n/locale";
import { type Finding, refuse, type Outcome } from "@/lib/domain/refusal";
import type { PolicyGate, ProjectRole, Requirement, SizeClass } from "@/db/enums";

/** A policy has gates N → 1, numbered contiguously, with 1 ≤ N ≤ MAX_GATES. */
export const MAX_GATES = 12;
/** A schedule offset reaches at most this many days from its anchor (about ten years). */
export const MAX_SCHEDULE_DAYS = 3650;
export const SCHEDULE_ANCHORS = ["start", "go_live"] as const;
export const ARTIFACT_KEY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
export const MAX_QUORUM = 50;

/** Field path → messages, in the shape forms and problem+json `errors` use. */
export type PolicyErrors = Record<string, string[]>;

export type PolicyValidation = Outcome<{ gates: PolicyGate[] }>;

/** What is wrong, per field path: the English messages and, in the same order, their catalogue findings. */
type Found = { errors: PolicyErrors; findings: Record<string, Finding[]> };

/** An invalid policy: a person corrects the fields named (422 `invalid_policy`). */
const invalidPolicy = ({ errors: fieldErrors, findings }: Found) =>
  refuse("invalid_policy", "The policy has errors; nothing was published.", { kind: "input", fieldErrors, findings });

function add(found: Found, path: string, message: string, key: string, params?: Finding["params"]) {
  (found.errors[path] ??= []).push(message);
  (found.findings[path] ??= []).push(params ? { key, params } : { key });
}

/** The numbers of a policy's gates, highest first (N → 1). */
export const gateNumbersOf = (gates: Pick<PolicyGate, "number">[]) => gates.map((g) => g.number).sort((a, b) => b - a);

/**
 * Checks a whole policy: gates N..1 once each with no gap (1 ≤ N ≤ 12), a name and objectives
 * per gate, artifact keys unique within a gate and required for at least one size class, known
 * approver roles, a board with at least one required seat and no role twice, a decision rule
 * whose quorum fits, and a schedule offset of whole days from a known anchor.
 * Returns the gates normalised (ordered N → 1, quorum null unless the rule is quorum).
 */
export function validatePolicy(gates: PolicyGate[], sourceLanguage: Locale = SOURCE_LANGUAGE): PolicyValidation {
  const found: Found = { errors: {}, findings: {} };
  const numbers = gates.map((g) => g.number);
  const known = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_GATES;
  const unknown = numbers.filter((n) => !known(n));
  const highest = Math.max(0, ...numbers.filter(known));
  const missing = Array.from({ length: highest }, (_, i) => highest - i).filter((n) => !numbers.includes(n));
  const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
  if (gates.length === 0)
    add(found, "gates", `A policy needs at least one gate (at most ${MAX_GATES}).`, "policyNoGates", {
      max: MAX_GATES,
    });
  if (unknown.length)
    add(
      found,
      "gates",
      `Gate ${unknown.join(", ")} is not a gate number (use ${MAX_GATES} down to 1).`,
      "policyGateNumberUnknown",
      { numbers: unknown.join(", "), max: MAX_GATES },
    );
  if (missing.length)
    add(
      found,
      "gates",
      `Gate ${missing.join(", ")} is missing: gates run from ${highest} down to 1 with no gap.`,
      "policyGateMissing",
      { numbers: missing.join(", "), highest },
    );
  if (repeated.length)
    add(found, "gates", `Gate ${[...new Set(repeated)].join(", ")} appears more than once.`, "policyGateRepeated", {
      numbers: [...new Set(repeated)].join(", "),
    });

  gates.forEach((gate, g) => {
    const at = `gates.${g}`;
    if (!gate.name.trim())
      add(found, `${at}.name`, `Gate ${gate.number} needs a name.`, "policyGateName", { number: gate.number });
    if (!gate.objectives.trim())
      add(found, `${at}.objectives`, `Gate ${gate.number} needs its objectives.`, "policyGateObjectives", {
        number: gate.number,
      });

    const keys = new Set<string>();
    gate.artifactTypes.forEach((artifact, a) => {
      const path = `${at}.artifactTypes.${a}`;
      if (!ARTIFACT_KEY_PATTERN.test(artifact.key)) {
        add(
          found,
          `${path}.key`,
          "Use 2–64 lower-case letters, digits or underscores, starting with a letter.",
          "policyArtifactKeyPattern",
        );
      } else if (keys.has(artifact.key)) {
        add(
          found,
          `${path}.key`,
          `The key "${artifact.key}" is used twice in gate ${gate.number}.`,
          "policyArtifactKeyTwice",
          { key: artifact.key, number: gate.number },
        );
      }
      keys.add(artifact.key);
      if (!artifact.title.trim()) add(found, `${path}.title`, "The artifact needs a title.", "policyArtifactTitle");
      const approvers = artifact.approverRoles ?? [];
      if (approvers.some((r) => !(PROJECT_ROLES as readonly string[]).includes(r))) {
        add(found, `${path}.approverRoles`, "Choose approver roles among the project roles.", "policyApproverRoles");
      } else if (new Set(approvers).size !== approvers.length) {
        add(found, `${path}.approverRoles`, "Name each approver role once.", "policyApproverOnce");
      }
      const sizes = Object.entries(artifact.requirement).filter(([, r]) => r === "must" || r === "should");
      if (sizes.length === 0) {
        add(
          found,
          `${path}.requirement`,
          "Require it for at least one size class, or remove the artifact.",
          "policyRequirementNone",
        );
      }
      for (const size of Object.keys(artifact.requirement)) {
        if (!(SIZE_CLASSES as readonly string[]).includes(size))
          add(found, `${path}.requirement`, `Unknown size class "${size}".`, "policySizeUnknown", { size });
      }
    });

    const roles = gate.defaultBoard.map((s) => s.projectRole);
    const twice = roles.filter((r, i) => roles.indexOf(r) !== i);
    if (twice.length)
      add(
        found,
        `${at}.defaultBoard`,
        `A role sits on the board only once (${[...new Set(twice)].join(", ")}).`,
        "policyBoardRoleTwice",
        { roles: [...new Set(twice)].join(", ") },
      );
    for (const role of roles) {
      if (!(PROJECT_ROLES as readonly string[]).includes(role))
        add(found, `${at}.defaultBoard`, `Unknown project role "${role}".`, "policyBoardRoleUnknown", { role });
    }
    if (!gate.defaultBoard.some((s) => s.required)) {
      add(
        found,
        `${at}.defaultBoard`,
        `Gate ${gate.number} needs at least one required board seat.`,
        "policyBoardRequired",
        { number: gate.number },
      );
    }

    if (!(DECISION_RULES as readonly string[]).includes(gate.decisionRule)) {
      add(found, `${at}.decisionRule`, "Choose unanimous, quorum or majority.", "policyDecisionRule");
    } else if (gate.decisionRule === "quorum") {
      const n = gate.quorum;
      if (n === null || !Number.isInteger(n) || n < 1 || n > MAX_QUORUM) {
        add(found, `${at}.quorum`, `A quorum is a whole number of members from 1 to ${MAX_QUORUM}.`, "policyQuorum", {
          max: MAX_QUORUM,
        });
      }
    }

    if (gate.schedule) {
      if (!(SCHEDULE_ANCHORS as readonly string[]).includes(gate.schedule.anchor)) {
        add(
          found,
          `${at}.schedule`,
          "Plan the gate from the project start or from its target go-live.",
          "policyScheduleAnchor",
        );
      } else if (!Number.isInteger(gate.schedule.days) || Math.abs(gate.schedule.days) > MAX_SCHEDULE_DAYS) {
        add(
          found,
          `${at}.schedule`,
          `The offset is a whole number of days from −${MAX_SCHEDULE_DAYS} to ${MAX_SCHEDULE_DAYS}.`,
          "policyScheduleDays",
          { max: MAX_SCHEDULE_DAYS },
        );
      } else if (gate.schedule.anchor === "start" && gate.schedule.days < 0) {
        add(
          found,
          `${at}.schedule`,
          "A gate cannot be planned before the project starts.",
          "policyScheduleBeforeStart",
        );
      }
    }
  });

  if (Object.keys(found.errors).length) return invalidPolicy(found);
  return { ok: true, gates: normalise(gates, sourceLanguage) };
}

/** Translations kept only when there are some, so a policy without them compares equal to its old self. */
function translationsOf<F extends string>(
  translations: Translations<F> | undefined,
  fields: readonly F[],
  sourceLanguage: Locale,
) {
  const clean = cleanTranslations<F>(translations, fields, sourceLanguage);
  return Object.keys(clean).length ? { translations: clean } : {};
}

function normalise(gates: PolicyGate[], sourceLanguage: Locale): PolicyGate[] {
  return [...gates]
    .sort((a, b) => b.number - a.number)
    .map((gate) => ({
      number: gate.number,
      name: gate.name.trim(),
      objectives: gate.objectives.trim(),
      ...translationsOf(gate.translations, ["name", "objectives"], sourceLanguage),
      artifactTypes: gate.artifactTypes.map((a) => ({
        key: a.key,
        title: a.title.trim(),
        ...translationsOf(a.translations, ["title"], sourceLanguage),
        requirement: Object.fromEntries(
          SIZE_CLASSES.flatMap((size) => {
            const r = a.requirement[size];
            return r === "must" || r === "should" ? [[size, r]] : [];
          }),
        ) as Partial<Record<SizeClass, Requirement>>,
        // Stored only when set, in the order of PROJECT_ROLES, so unchanged artifacts compare equal.
        ...(a.approverRoles?.length
          ? { approverRoles: PROJECT_ROLES.filter((r) => a.approverRoles!.includes(r)) }
          : {}),
      })),
      defaultBoard: gate.defaultBoard.map((s) => ({ projectRole: s.projectRole as ProjectRole, required: s.required })),
      decisionRule: gate.decisionRule,
      quorum: gate.decisionRule === "quorum" ? gate.quorum : null,
      ...(gate.schedule ? { schedule: { anchor: gate.schedule.anchor, days: gate.schedule.days } } : {}),
      ...(gate.requiredBeforeGoLive ? { requiredBeforeGoLive: true } : {}),
    }));
}

/** One line per difference between two policy versions, in the admin's words (for the audit and the UI). */
export function describePolicyChanges(before: PolicyGate[], after: PolicyGate[]): string[] {
  const changes: string[] = [];
  for (const number of [...new Set(gateNumbersOf([...before, ...after]))]) {
    const a = before.find((g) => g.number === number);
    const b = after.find((g) => g.number === number);
    if (!a || !b) {
      if (a !== b) changes.push(`Gate ${number}: ${b ? "added" : "removed"}`);
      continue;
    }
    const prefix = `Gate ${number}`;
    if (a.name !== b.name) changes.push(`${prefix}: name changed to "${b.name}"`);
    if (a.objectives !== b.objectives) changes.push(`${prefix}: objectives changed`);
    // Language-neutral: which languages' texts changed, by code; the texts themselves are in the version.
    const changedLanguages = languagesChanged(a, b);
    if (changedLanguages.length) changes.push(`${prefix}: translations changed (${changedLanguages.join(", ")})`);
    if (a.decisionRule !== b.decisionRule || a.quorum !== b.quorum) {
      changes.push(`${prefix}: decision rule ${ruleLabel(a)} → ${ruleLabel(b)}`);
    }
    const beforeKeys = new Map(a.artifactTypes.map((t) => [t.key, t]));
    const afterKeys = new Map(b.artifactTypes.map((t) => [t.key, t]));
    for (const [key, t] of afterKeys) {
      const old = beforeKeys.get(key);
      if (!old) changes.push(`${prefix}: artifact "${t.title}" added`);
      else {
        if (old.title !== t.title) changes.push(`${prefix}: artifact "${old.title}" renamed to "${t.title}"`);
        if (requirementLabel(old.requirement) !== requirementLabel(t.requirement)) {
          changes.push(`${prefix}: "${t.title}" now ${requirementLabel(t.requirement)}`);
        }
        if (approverLabel(old.approverRoles) !== approverLabel(t.approverRoles)) {
          changes.push(`${prefix}: "${t.title}" approved by ${approverLabel(t.approverRoles).toLowerCase()}`);
        }
      }
    }
    for (const [key, t] of beforeKeys) {
      if (!afterKeys.has(key)) changes.push(`${prefix}: artifact "${t.title}" removed`);
    }
    const boardOf = (g: PolicyGate) =>
      [...g.defaultBoard]
        .sort((x, y) => x.projectRole.localeCompare(y.projectRole))
        .map((s) => `${s.projectRole}${s.required ? " (required)" : ""}`)
        .join(", ");
    if (boardOf(a) !== boardOf(b)) changes.push(`${prefix}: default board is now ${boardOf(b) || "empty"}`);
    if (scheduleLabel(a.schedule) !== scheduleLabel(b.schedule))
      changes.push(`${prefix}: planned ${lowerFirst(scheduleLabel(b.schedule))}`);
    if (Boolean(a.requiredBeforeGoLive) !== Boolean(b.requiredBeforeGoLive)) {
      changes.push(`${prefix}: ${b.requiredBeforeGoLive ? "now" : "no longer"} required before go-live`);
    }
  }
  return changes;
}

/** The languages whose translated gate name, objectives or artifact titles differ between two versions of a gate. */
function languagesChanged(a: PolicyGate, b: PolicyGate): string[] {
  const textsOf = (g: PolicyGate, language: Locale) =>
    JSON.stringify([
      g.translations?.[language] ?? {},
      [...g.artifactTypes].sort((x, y) => x.key.localeCompare(y.key)).map((t) => [t.key, t.translations?.[language]]),
    ]);
  const languages = new Set(
    [a, b].flatMap((g) => [
      ...Object.keys(g.translations ?? {}),
      ...g.artifactTypes.flatMap((t) => Object.keys(t.translations ?? {})),
    ]),
  ) as Set<Locale>;
  return [...languages].sort().filter((l) => textsOf(a, l) !== textsOf(b, l));
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const ruleLabel = (g: Pick<PolicyGate, "decisionRule" | "quorum">) =>
  g.decisionRule === "quorum" ? `quorum ${g.quorum}` : g.decisionRule;

export const requirementLabel = (r: Partial<Record<SizeClass, Requirement>>) =>
  SIZE_CLASSES.map((size) => `${size}: ${r[size] ?? "not required"}`).join(", ");

export type Publication = Outcome<{ version: number; gates: PolicyGate[]; languages: Locale[]; changes: string[] }>;

/**
 * Publishing a draft made from version `basedOn`: refused when the draft is invalid, when
 * someone published after `basedOn` (the draft would silently undo their change), or when
 * nothing changed. Otherwise the next version number, the normalised gates and what changed.
 */
export function planPublication(input: {
  latest: { version: number; gates: PolicyGate[]; languages?: Locale[] };
  basedOn: number;
  draft: PolicyGate[];
}): Publication {
  // The source language stays the latest version's: its texts are the ones every fallback shows.
  const checked = validatePolicy(input.draft, input.latest.languages?.[0] ?? SOURCE_LANGUAGE);
  // Projects and boards are instantiated per gate number: the editor changes gates, never their count.
  if (checked.ok && checked.gates.length !== input.latest.gates.length) {
    const n = input.latest.gates.length;
    const found: Found = { errors: {}, findings: {} };
    add(
      found,
      "gates",
      `This policy has ${n} gate${n === 1 ? "" : "s"} (${n} to 1); an edit keeps that number.`,
      "policyKeepsGateCount",
      { count: n },
    );
    return invalidPolicy(found);
  }
  if (!checked.ok) return checked;
  if (input.basedOn !== input.latest.version) {
    return refuse(
      "stale_version",
      `Version ${input.latest.version} was published while you edited version ${input.basedOn}. ` +
        "Reload and apply your change to the latest version.",
      { kind: "stale", params: { version: input.latest.version, basedOn: input.basedOn } },
    );
  }
  const changes = describePolicyChanges(input.latest.gates, checked.gates);
  if (changes.length === 0) {
    return refuse("policy_unchanged", "Nothing changed compared with the latest version.");
  }
  const source = input.latest.languages?.[0] ?? SOURCE_LANGUAGE;
  const languages = languagesOf(source, [
    ...checked.gates.map((g) => g.translations ?? {}),
    ...checked.gates.flatMap((g) => g.artifactTypes.map((t) => t.translations ?? {})),
  ]);
  return { ok: true, version: input.latest.version + 1, gates: checked.gates, languages, changes };
}
