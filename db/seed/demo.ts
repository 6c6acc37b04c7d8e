// The demo portfolio: only ever loaded by `npm run demo` (and the e2e tests), never in production.
// Each capability adds its demo data in its own module, run in order below.
import { type Db, type Tx, first, transaction } from "@/db/client";
import { users, type Project } from "@/db/schema";
import { currentDefaultPolicyVersion, currentSixStepPolicyVersion } from "@/lib/data/policy-versions";
import { DEMO_PASSWORD } from "@/lib/env";
import { hashPassword } from "@/lib/password";
import { seedAccounts } from "./accounts";
import { seedDelivery } from "./delivery";
import { seedIntegration } from "./integration";
import { seedGates } from "./gates";
import { seedGoLive } from "./go-live";
import { DEMO_PROJECTS, seedProject } from "./portfolio";
import { seedQuality } from "./quality";
import { seedReadinessDemo } from "./readiness";
import { seedReports } from "./reports";
import { seedSixStep } from "./six-step";
import { inOrder } from "@/lib/in-order";

/** What every capability's seeder gets: organisations, accounts by email, projects by key. */
export type DemoWorld = Awaited<ReturnType<typeof seedAccounts>> & { projects: Record<string, Project> };
export type DemoSeeder = (tx: Tx, world: DemoWorld) => Promise<void>;

// seedReports stays last: it computes health from what the others wrote.
// seedGoLive reads the guardians the readiness seeder writes: keep it after that one.
// seedDelivery runs first: quality attaches evidence to its sprints and go-live reads its scope.
// seedQuality attaches selections and evidence to the delivery seeder's sprints: keep it right after seedDelivery.
const SEEDERS: DemoSeeder[] = [
  seedDelivery,
  seedQuality,
  seedReadinessDemo,
  seedGoLive,
  seedIntegration,
  seedGates,
  seedSixStep,
  seedReports,
];

export async function isSeeded(db: Db): Promise<boolean> {
  return Boolean(await first(db.select({ id: users.id }).from(users).limit(1)));
}

/** Seeds the demo portfolio into an empty database; false when it already had one. */
export async function seedDemo(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return await transaction(db, async (tx) => {
    // Writers are serialised: checked again here, two instances starting at once seed once.
    if (await isSeeded(tx)) return false;
    const { orgs, accounts } = await seedAccounts(tx, passwordHash);
    // Both template policies are seeded; a project runs on the one its spec names.
    const policies = { light: await currentDefaultPolicyVersion(tx), six_step: await currentSixStepPolicyVersion(tx) };
    const projects = Object.fromEntries(
      await inOrder(DEMO_PROJECTS, async (spec) => [
        spec.key,
        await seedProject(tx, spec, orgs, accounts, policies[spec.policy ?? "light"]),
      ]),
    );
    const world: DemoWorld = { orgs, accounts, projects };
    for (const seed of SEEDERS) await seed(tx, world);
    return true;
  });
}
