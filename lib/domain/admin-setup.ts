// The first steps of a new installation, shown on an administrator's dashboard until done:
// a client organisation, the people (accounts besides the administrators), a gate policy.
// Computed from counts, so an installation with data (the demo) shows them all done.
export type SetupCounts = { organizations: number; people: number; policyVersions: number };
export type SetupStep = {
  key: "organization" | "people" | "policy";
  label: string;
  detail: string;
  href: string;
  done: boolean;
};

export function setupSteps(counts: SetupCounts): { steps: SetupStep[]; done: boolean } {
  const steps: SetupStep[] = [
    {
      key: "organization",
      label: "Add a client organisation",
      detail: "The company whose rollout you run; its accounts see only its projects.",
      href: "/admin/organizations",
      done: counts.organizations > 0,
    },
    {
      key: "people",
      label: "Invite the people",
      detail: "Project managers, engineers and the client's owner and guardians.",
      href: "/admin/users",
      done: counts.people > 0,
    },
    {
      key: "policy",
      label: "Publish a gate policy",
      detail: "The gates every new project passes, with their artifacts and boards.",
      href: "/admin/policies",
      done: counts.policyVersions > 0,
    },
  ];
  return { steps, done: steps.every((s) => s.done) };
}
