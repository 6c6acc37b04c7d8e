import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { EmptyState } from "@/components/ui/empty-state";
import { getAcceptanceCertificate } from "@/lib/data/go-live-acceptance";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { PrintButton } from "./print-button";
import { getFormat } from "@/lib/i18n/format-server";
import { getTranslations } from "next-intl/server";
import { certificateAuditHead } from "@/lib/data/go-live-certificate";
import { AuditHeadAtSigning } from "./audit-head-at-signing";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("goLiveCertificate");
  return { title: t("title") };
}

export default async function CertificatePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const certificate = await orNotFound(async () => await getAcceptanceCertificate(getDb(), actor, projectId));
  const t = await getTranslations("goLiveCertificate");
  const format = await getFormat();
  const when = (iso: string | null) => format.dateTime(iso, { seconds: true });
  if (!certificate) return <EmptyState title={t("noneTitle")}>{t("noneBody")}</EmptyState>;
  const auditHead = await certificateAuditHead(getDb(), actor, projectId);
  const capacityWords: Record<string, string> = { client_owner: t("clientOwner"), guardian: t("guardian") };
  const complete = certificate.status === "signed";
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <Link href={`/projects/${projectId}/go-live`} className="text-sm text-brand-700 underline">
          ← {t("back")}
        </Link>
        <PrintButton />
      </div>
      <article
        className={
          "certificate mx-auto max-w-3xl space-y-6 rounded-lg border border-slate-300 bg-white " +
          "p-6 sm:p-10 print:max-w-none print:rounded-none print:border-0 print:p-0"
        }
      >
        <header className="space-y-1 border-b border-slate-300 pb-4 text-center">
          <p className="text-sm uppercase tracking-widest text-slate-600">Lightgate</p>
          <h2 className="text-2xl font-semibold text-slate-900">{t("title")}</h2>
          <p className="text-lg text-slate-800">{certificate.project.name}</p>
          <p className="text-sm text-slate-700">
            {complete ? t("complete", { date: when(certificate.completedAt) }) : t("notComplete")}
          </p>
        </header>
        <section aria-labelledby="statement-heading" className="space-y-2">
          <h3 id="statement-heading" className="font-semibold text-slate-900">
            {t("statement")}
          </h3>
          <blockquote className="whitespace-pre-line border-l-4 border-slate-400 pl-3 text-slate-800">
            {certificate.statement}
          </blockquote>
          <p className="break-all font-mono text-xs text-slate-700">
            {t("statementHash", { hash: certificate.statementSha256 })}
          </p>
        </section>
        <section aria-labelledby="signatures-heading" className="space-y-2">
          <h3 id="signatures-heading" className="font-semibold text-slate-900">
            {t("signatures")}
          </h3>
          {certificate.signOffs.length === 0 ? (
            <p className="text-sm text-slate-600">{t("nobodySigned")}</p>
          ) : (
            <ol className="space-y-3">
              {certificate.signOffs.map((s) => (
                <li key={s.email} className="break-inside-avoid rounded-md border border-slate-200 p-3 text-sm">
                  <p className="font-medium text-slate-900">
                    {s.name} &lt;{s.email}&gt; — {capacityWords[s.capacity] ?? s.capacity}
                  </p>
                  <dl className="mt-1 grid gap-x-3 gap-y-0.5 sm:grid-cols-[auto_1fr]">
                    <dt className="text-slate-600">{t("signedAt")}</dt>
                    <dd>{when(s.signedAt)}</dd>
                    <dt className="text-slate-600">{t("from")}</dt>
                    <dd className="break-all">
                      {s.ip ?? t("unknownAddress")}; {s.userAgent ?? t("unknownBrowser")}
                    </dd>
                    <dt className="text-slate-600">{t("signOffHash")}</dt>
                    <dd className="break-all font-mono text-xs">{s.statementSha256}</dd>
                    <dt className="text-slate-600">{t("auditHead")}</dt>
                    <dd className="break-all font-mono text-xs">{s.auditHeadHash}</dd>
                  </dl>
                </li>
              ))}
            </ol>
          )}
        </section>
        {auditHead ? <AuditHeadAtSigning head={auditHead} /> : null}
        <footer className="border-t border-slate-300 pt-3 text-xs text-slate-600">
          {t.rich("footer", {
            date: when(new Date().toISOString()),
            code: (chunks) => <code>{chunks}</code>,
          })}
        </footer>
      </article>
    </div>
  );
}
