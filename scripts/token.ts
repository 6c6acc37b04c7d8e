// `npm run token -- <email> [name]`: creates a personal API token for an account and prints it
// as the last line (it is stored hashed and never shown again).
import { eq } from "drizzle-orm";
import { first, closeDatabase } from "@/db/client";
import { openCommandDatabase } from "./database";
import { users } from "@/db/schema";
import { createApiToken } from "@/lib/data/tokens";
import { actorOf } from "@/lib/domain/permissions";

const [email, ...nameParts] = process.argv.slice(2);
if (!email) {
  console.error("Usage: npm run token -- <email> [token name]");
  process.exit(2);
}
const db = await openCommandDatabase();
const user = await first(db.select().from(users).where(eq(users.email, email.trim().toLowerCase())));
if (!user || user.disabledAt) {
  console.error(`No active account ${email}.`);
  process.exit(1);
}
const actor = actorOf(user);
const { token } = await createApiToken(db, { actor, ip: null, userAgent: "cli" }, nameParts.join(" ") || "CLI token");
await closeDatabase(db);
console.log(`API token for ${user.email} (use as 'Authorization: Bearer <token>'):`);
console.log(token);
