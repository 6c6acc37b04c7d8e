"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createOrganization } from "@/lib/data/accounts";
import { formAction } from "@/lib/guard";
import { organizationSchema } from "@/lib/validation/accounts";

export const createOrganizationAction = formAction(organizationSchema, async (ctx, input) => {
  await createOrganization(getDb(), ctx, input);
  revalidatePath("/admin/organizations");
});
