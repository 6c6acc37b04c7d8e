// "Audit head at signing" on the go-live certificate: the audit chain's head signed when the last
// signer signed, so whoever holds the certificate can later prove no history after it was cut.
import { getTranslations } from "next-intl/server";
import { formatHead, type SignedHead } from "@/lib/domain/audit-checkpoint";
import { getFormat } from "@/lib/i18n/format-server";

export async function AuditHeadAtSigning({ head }: { head: SignedHead }) {
  const t = await getTranslations("auditCheckpoints");
  const format = await getFormat();
  return (
    <section aria-labelledby="audit-head-heading" className="space-y-1 text-sm">
      <h3 id="audit-head-heading" className="font-semibold text-slate-900">
        {t("certificateHeading")}
      </h3>
      <p className="break-all font-mono text-xs text-slate-800">
        {t("certificateHead", { seq: head.seq, hash: head.hash })}
      </p>
      <p className="break-all text-xs text-slate-700">
        {t("certificateSigned", {
          when: format.dateTime(head.at, { seconds: true }),
          fingerprint: head.keyFingerprint,
        })}
      </p>
      <p className="break-all font-mono text-xs text-slate-700">
        {t("reportSignature", { signature: head.signature })}
      </p>
      <p className="break-all text-xs text-slate-700">
        {t.rich("certificateCheck", {
          command: `npm run audit:verify -- --head ${formatHead(head)}`,
          code: (chunks) => <code className="font-mono">{chunks}</code>,
        })}
      </p>
    </section>
  );
}
