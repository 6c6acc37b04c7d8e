// The signed checkpoints of the audit chain on the admin's audit page: the newest ones with whether
// each signature holds under this installation's key, and the public key to verify elsewhere.
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { auditSigningKey, KEEP_CHECKPOINTS, recentCheckpoints } from "@/lib/data/audit-checkpoints";
import { shortHash } from "@/lib/domain/audit-checkpoint";
import type { Actor } from "@/lib/domain/permissions";
import { getFormat } from "@/lib/i18n/format-server";

export async function AuditCheckpointsSection({ actor }: { actor: Actor }) {
  const t = await getTranslations("auditCheckpoints");
  const format = await getFormat();
  const key = auditSigningKey();
  const checkpoints = await recentCheckpoints(getDb(), actor, 10);
  return (
    <Card title={t("title")} className="lg:col-span-2" id="checkpoints">
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      <dl className="mb-4 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t("keyFingerprint")}</dt>
        <dd className="break-all font-mono text-xs" data-testid="audit-key-fingerprint">
          {key.fingerprint}
        </dd>
        <dt className="font-medium text-slate-700">{t("publicKey")}</dt>
        <dd>
          <pre className="overflow-x-auto whitespace-pre-wrap break-all font-mono text-xs">{key.publicKeyPem}</pre>
        </dd>
      </dl>
      {checkpoints.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <Table caption={t("caption")}>
          <thead>
            <tr>
              <Th>{t("colSeq")}</Th>
              <Th>{t("colHash")}</Th>
              <Th>{t("colAt")}</Th>
              <Th>{t("colSignature")}</Th>
            </tr>
          </thead>
          <tbody>
            {checkpoints.map((c) => (
              <tr key={c.id} data-testid="audit-checkpoint">
                <Td className="tabular-nums">#{c.seq}</Td>
                <Td>
                  <code className="font-mono text-xs" title={c.hash}>
                    {shortHash(c.hash)}…
                  </code>
                </Td>
                <Td>{format.dateTime(c.at, { seconds: true })}</Td>
                <Td>
                  {c.signatureValid ? (
                    <Badge tone="success">{t("valid")}</Badge>
                  ) : c.ourKey ? (
                    <Badge tone="danger">{t("invalid")}</Badge>
                  ) : (
                    <Badge tone="warning">{t("otherKey")}</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="mt-3 text-xs text-slate-600">{t("keepNote", { count: KEEP_CHECKPOINTS })}</p>
      <p className="mt-1 text-xs text-slate-600">
        {t.rich("checkHead", {
          command: "npm run audit:verify -- --head <seq>:<hash>",
          code: (chunks) => <code className="font-mono">{chunks}</code>,
        })}
      </p>
    </Card>
  );
}
