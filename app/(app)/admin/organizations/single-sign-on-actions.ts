"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { setOrganizationSignOn } from "@/lib/data/single-sign-on-provisioning";
import { formAction } from "@/lib/guard";
import { organizationSignOnSchema } from "@/lib/validation/single-sign-on";

export const setOrganizationSignOnAction = formAction(organizationSignOnSchema, async (ctx, input) => {
  await setOrganizationSignOn(getDb(), ctx, input);
  revalidatePath("/admin/organizations");
});
