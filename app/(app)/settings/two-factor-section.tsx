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
import { getFormat } from "@/lib/i18n/format-server";
import { TwoFactorPanel } from "./two-factor-panel";

export async function TwoFactorSection({ actor }: { actor: Actor }) {
  const status = await twoFactorStatus(getDb(), actor);
  const format = await getFormat();
  const t = await getTranslations("twoFactor");
  const pending = status.pending && status.pending !== "expired" ? status.pending : null;
  const qrSvg = pending
    ? await QRCode.toString(pending.uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" })
    : "";
  // The steps, QR code, key and expiry of an enrolment under way: markup only, so rendered here.
  const enrolment = pending ? (
    <>
      <ol className="list-decimal space-y-1 pl-5">
        <li>{t("stepScan")}</li>
        <li>{t("stepConfirm")}</li>
      </ol>
      <div className="flex flex-wrap items-start gap-4">
        <div
          role="img"
          aria-label={t("qrLabel")}
          className="h-44 w-44 shrink-0 rounded border border-slate-200 bg-white p-1"
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
        <div className="min-w-0 space-y-1">
          <p>{t("keyLabel")}</p>
          <code data-testid="authenticator-key" className="block break-all rounded bg-slate-100 p-2 font-mono">
            {groupedSecret(pending.key)}
          </code>
          <p className="text-xs text-slate-600">{t("expiresAt", { time: format.time(pending.expiresAt) })}</p>
        </div>
      </div>
    </>
  ) : null;
  return (
    <TwoFactorPanel
      enabled={status.enabled}
      enabledOn={format.date(status.enabledAt ?? new Date().toISOString())}
      recoveryCodesLeft={status.recoveryCodesLeft}
      required={status.required}
      enrolment={enrolment}
      expired={status.pending === "expired"}
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
