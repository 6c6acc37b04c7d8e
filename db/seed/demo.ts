// The demo portfolio: only ever loaded by `npm run demo` (and the e2e tests), never in production.
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { currentDefaultPolicyVersion } from "@/lib/data/policy-versions";
import { DEMO_PASSWORD } from "@/lib/env";
import { hashPassword } from "@/lib/password";
import { seedAccounts } from "./accounts";
import { DEMO_PROJECTS, seedProject } from "./portfolio";

export function isSeeded(db: Db): boolean {
  return Boolean(db.select({ id: users.id }).from(users).limit(1).get());
}

export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction(
    (tx) => {
      const { orgs, accounts } = seedAccounts(tx, passwordHash);
      const policy = currentDefaultPolicyVersion(tx);
      const projects = Object.fromEntries(
        DEMO_PROJECTS.map((spec) => [spec.key, seedProject(tx, spec, orgs, accounts, policy)]),
      );
      // Each capability adds its demo data here, in its own module.
      void projects;
    },
    { behavior: "immediate" },
  );
}
