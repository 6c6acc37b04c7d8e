// The administrators' two-factor policy card on the users page.
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { currentTwoFactorPolicy } from "@/lib/data/two-factor";
import { TwoFactorPolicyForm } from "./two-factor-policy-form";

export async function TwoFactorPolicyCard() {
  const t = await getTranslations("twoFactor");
  const rule = await currentTwoFactorPolicy(getDb());
  return (
    <Card title={t("policyTitle")} className="mb-6" id="two-factor-policy">
      <TwoFactorPolicyForm rule={rule} />
    </Card>
  );
}
