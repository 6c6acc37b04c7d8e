import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { eligibleSigners } from "@/lib/data/go-live-acceptance";
import { getGoLive } from "@/lib/data/go-live-readiness";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { ConfigureAcceptanceForm, HandoverForm, SignForm } from "../go-live-forms";
import { getFormat } from "@/lib/i18n/format-server";
import { getTranslations } from "next-intl/server";
import { checklistWords } from "@/lib/go-live-checklist-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("goLivePage");
  return { title: t("title") };
}

export default async function GoLivePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const view = await orNotFound(async () => await getGoLive(getDb(), actor, projectId));
  const acceptance = view.acceptance;
  const anySigned = view.signers.some((s) => s.signed);
  const eligible =
    view.you.canManage && !anySigned && view.status !== "signed" ? await eligibleSigners(getDb(), projectId) : null;
  const doneCount = view.checklist.filter((c) => c.done).length;
  const t = await getTranslations("goLivePage");
  const format = await getFormat();
  const when = (iso: string | null) => format.dateTime(iso);
  const sayItem = await checklistWords();
  const checklist = view.checklist.map((item) => ({ ...item, ...sayItem(item) }));
  const capacityWords: Record<string, string> = { client_owner: t("clientOwner"), guardian: t("guardian") };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{t("readiness")}</h2>
          <p className="max-w-3xl text-sm text-slate-600">{t("readinessIntro")}</p>
        </div>
        {anySigned ? (
          <ButtonLink href={`/projects/${projectId}/go-live/certificate`} variant="secondary">
            {t("certificate")}
          </ButtonLink>
        ) : null}
      </div>

      <Card
        title={
          <span className="flex flex-wrap items-center gap-2">
            {t("checklist")}
            {view.ready ? (
              <Badge tone="success">
                {view.status === "open" || view.status === "not_set_up" ? t("readyToSign") : t("allDone")}
              </Badge>
            ) : (
              <Badge tone="warning">{t("doneOf", { done: doneCount, total: view.checklist.length })}</Badge>
            )}
          </span>
        }
      >
        <ul className="divide-y divide-slate-100" aria-label={t("checklistLabel")}>
          {checklist.map((item) => (
            <li
              key={item.key}
              className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2.5 sm:flex-nowrap sm:items-center"
            >
              <span
                aria-hidden
                className={
                  `flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm ` +
                  `font-bold ${item.done ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"}`
                }
              >
                {item.done ? "✓" : "!"}
              </span>
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {item.label}
                  <span className="sr-only">{item.done ? ` — ${t("done")}` : ` — ${t("notDone")}`}</span>
                </p>
                <p className="text-sm text-slate-600">{item.detail}</p>
              </div>
              <Link href={item.href} className="ml-9 text-sm text-brand-700 underline sm:ml-0">
                {t("evidence")}
                <span className="sr-only">: {item.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>

      <Card
        title={
          <span className="flex flex-wrap items-center gap-2">
            {t("acceptance")}{" "}
            <StatusBadge
              status={view.status}
              label={
                view.status === "not_set_up"
                  ? t("notSetUp")
                  : view.status === "open"
                    ? t("awaitingSignatures")
                    : undefined
              }
            />
          </span>
        }
      >
        {!acceptance ? (
          <EmptyState title={t("notSetUpTitle")}>
            {view.you.canManage ? t("notSetUpManager") : t("notSetUpOthers")}
          </EmptyState>
        ) : (
          <div className="space-y-4">
            <blockquote
              className={
                "whitespace-pre-line rounded-md border-l-4 border-brand-600 bg-slate-50 p-3 " + "text-slate-800"
              }
            >
              {acceptance.statement}
            </blockquote>
            <Table caption={t("requiredSigners")}>
              <thead>
                <tr>
                  <Th>{t("signer")}</Th>
                  <Th>{t("signsAs")}</Th>
                  <Th>{t("signed")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {view.signers.map((s) => (
                  <tr key={s.userId}>
                    <Td>
                      {s.name}
                      <span className="block break-all text-xs text-slate-600">{s.email}</span>
                    </Td>
                    <Td>{capacityWords[s.capacity] ?? s.capacity}</Td>
                    <Td>
                      {s.signed ? (
                        <>
                          <StatusBadge status="signed" />
                          <span className="mt-0.5 block text-xs text-slate-600">{when(s.signedAt)}</span>
                        </>
                      ) : (
                        <Badge>{t("notYet")}</Badge>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {view.stillToSign.length > 0 ? (
              <p className="text-sm text-slate-700">
                {t("stillToSign", { names: view.stillToSign.map((s) => s.name).join(", ") })}
              </p>
            ) : (
              <p className="text-sm text-green-800">
                {acceptance.completedAt ? t("allSignedOn", { date: when(acceptance.completedAt) }) : t("allSigned")}
                {view.you.canManage && view.goLiveGate ? (
                  <>
                    {" "}
                    {t.rich("fileCertificate", {
                      gate: view.goLiveGate.name,
                      link: (chunks) => (
                        <Link
                          href={`/projects/${projectId}/gates/${view.goLiveGate?.number}`}
                          className="text-brand-700 underline"
                        >
                          {chunks}
                        </Link>
                      ),
                    })}
                  </>
                ) : null}
              </p>
            )}
            {view.you.isSigner && !view.you.hasSigned && view.status === "open" ? (
              <div className="border-t border-slate-200 pt-4">
                <h3 className="mb-2 font-semibold text-slate-900">{t("yourSignature")}</h3>
                <SignForm
                  projectId={projectId}
                  statement={acceptance.statement}
                  ready={view.ready}
                  missing={checklist.filter((c) => !c.done).map((c) => c.label)}
                />
              </div>
            ) : null}
            {/* The hash proves which text was signed; a client reads the statement first, an auditor opens this. */}
            <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
              <summary className="cursor-pointer font-medium text-slate-800">{t("verify")}</summary>
              <div className="mt-2 space-y-2 text-slate-700">
                <p>{t("verifyIntro")}</p>
                <p>
                  SHA-256:{" "}
                  <code className="break-all rounded bg-slate-100 px-1 text-xs">{acceptance.statementSha256}</code>
                </p>
                <p className="text-xs text-slate-600">
                  {t.rich("verifyHow", { code: (chunks) => <code>{chunks}</code> })}
                </p>
              </div>
            </details>
          </div>
        )}
        {eligible ? (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <h3 className="mb-2 font-semibold text-slate-900">{acceptance ? t("changeSetup") : t("setUp")}</h3>
            <p className="mb-3 text-sm text-slate-600">{t("setUpHint")}</p>
            <ConfigureAcceptanceForm
              projectId={projectId}
              version={acceptance?.version}
              statement={acceptance?.statement ?? view.defaultStatement}
              owners={eligible.clientOwners}
              guardians={eligible.certifiedGuardians}
              chosen={view.signers.map((s) => s.userId)}
            />
          </div>
        ) : null}
      </Card>

      <Card title={t("handover")}>
        {view.handover ? (
          <div className="space-y-3 text-sm">
            <p>
              {t.rich("handedOver", {
                date: format.date(view.handover.handoverDate),
                status: view.projectStatus,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <div>
              <h3 className="font-semibold text-slate-900">{t("supportContacts")}</h3>
              <ul className="list-disc pl-5">
                {view.handover.supportContacts.map((c) => (
                  <li key={c.email}>
                    {c.name} &lt;{c.email}&gt;
                    {c.phone ? `, ${c.phone}` : ""}
                    {c.role ? ` — ${c.role}` : ""}
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3 className="font-semibold text-slate-900">{t("openItems")}</h3>
              {view.handover.openItems.length ? (
                <ul className="list-disc pl-5">
                  {view.handover.openItems.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-600">{t("none")}</p>
              )}
            </div>
          </div>
        ) : view.status === "signed" && view.you.canRecordHandover ? (
          <HandoverForm projectId={projectId} today={new Date().toISOString().slice(0, 10)} />
        ) : (
          <p className="text-sm text-slate-600">{t("handoverLater")}</p>
        )}
      </Card>
    </div>
  );
}
