// `npm run demo`: migrate, seed the demo portfolio, build if needed, serve.
import { DEMO_ACCOUNTS, DEMO_ADMIN_AUTHENTICATOR_KEY, DEMO_TWO_FACTOR_EMAIL } from "@/db/seed/accounts";
import { DEMO_PASSWORD } from "@/lib/env";
import { ensureBuild } from "./build-stamp";
import { prepareData } from "./prepare-data";
import { serve } from "./serve";

process.env.LIGHTGATE_MODE = "demo";
const port = process.env.PORT || "3000";

await prepareData({ demo: true });
ensureBuild();
serve(port, () => {
  console.log(`\nLightgate (demo mode) is running at http://localhost:${port}\n`);
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const account of DEMO_ACCOUNTS.filter((a) => a.listed)) {
    console.log(`  ${account.email.padEnd(24)} ${account.role}${account.org ? ` (${account.org})` : ""}`);
  }
  console.log(`\n${DEMO_TWO_FACTOR_EMAIL} has two-factor sign-in; authenticator key ${DEMO_ADMIN_AUTHENTICATOR_KEY}`);
  console.log("");
});
