// `npm run admin:create -- <email> [name]`: creates an administrator; the password is read from
// LIGHTGATE_ADMIN_PASSWORD or generated and printed once. Whoever typed or read it here is not
// the only one who knows it, so the administrator must choose their own at the first sign-in.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { first, transaction, one, closeDatabase } from "@/db/client";
import { openCommandDatabase } from "./database";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/password";
import { email as emailSchema, newPassword } from "@/lib/validation/accounts";

const [rawEmail, ...nameParts] = process.argv.slice(2);
const parsedEmail = emailSchema.safeParse(rawEmail ?? "");
if (!parsedEmail.success) {
  console.error("Usage: npm run admin:create -- <email> [name]");
  process.exit(2);
}
const generated = !process.env.LIGHTGATE_ADMIN_PASSWORD;
const password = process.env.LIGHTGATE_ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
if (!newPassword.safeParse(password).success) {
  console.error("LIGHTGATE_ADMIN_PASSWORD must have at least 10 characters.");
  process.exit(2);
}
const db = await openCommandDatabase();
if (await first(db.select().from(users).where(eq(users.email, parsedEmail.data)))) {
  console.error(`An account ${parsedEmail.data} already exists.`);
  process.exit(1);
}
const passwordHash = await hashPassword(password);
await transaction(db, async (tx) => {
  const user = await one(
    tx
      .insert(users)
      .values({
        email: parsedEmail.data,
        name: nameParts.join(" ") || "Administrator",
        role: "admin",
        passwordHash,
        mustChangePassword: true,
      })
      .returning(),
  );
  await recordAudit(tx, null, {
    action: "user.create",
    objectType: "user",
    objectId: user.id,
    after: { email: user.email, role: "admin", via: "cli", mustChangePassword: true },
  });
});
console.log(
  `Created administrator ${parsedEmail.data}. At the first sign-in Lightgate asks them to choose their own password.`,
);
if (generated) console.log(`Password (shown once): ${password}`);
await closeDatabase(db);
