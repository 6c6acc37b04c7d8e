// The "Two-factor sign-in" section of Settings (and of the set-up page the policy sends an account to):
// the account's state, the QR code and key of an enrolment in progress. The QR code is drawn here, on the
// server, as SVG: the key never goes to a third-party service.
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { twoFactorStatus } from "@/lib/data/two-factor";
import type { Actor } from "@/lib/domain/permissions";
import { groupedSecret } from "@/lib/domain/two-factor";
import { TwoFactorPanel } from "./two-factor-panel";

export async function TwoFactorSection({ actor }: { actor: Actor }) {
  const status = await twoFactorStatus(getDb(), actor);
  const pending =
    status.pending && status.pending !== "expired"
      ? {
          key: groupedSecret(status.pending.key),
          expiresAt: status.pending.expiresAt,
          qrSvg: await QRCode.toString(status.pending.uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
        }
      : status.pending;
  return (
    <TwoFactorPanel
      enabled={status.enabled}
      enabledAt={status.enabledAt}
      recoveryCodesLeft={status.recoveryCodesLeft}
      required={status.required}
      pending={pending}
    />
  );
}

/** The section as a card of the Settings page. */
export async function TwoFactorCard({ actor }: { actor: Actor }) {
  const t = await getTranslations("twoFactor");
  return (
    <Card title={t("title")} className="lg:col-span-2" id="two-factor">
      <TwoFactorSection actor={actor} />
    </Card>
  );
}
