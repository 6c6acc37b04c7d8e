import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Badge, StatusBadge, humanize } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { eligibleSigners } from "@/lib/data/go-live-acceptance";
import { getGoLive } from "@/lib/data/go-live-readiness";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { ConfigureAcceptanceForm, HandoverForm, SignForm } from "./go-live-forms";
import { formatDate, formatDateTime } from "@/lib/display-format";

export const metadata: Metadata = { title: "Go-live" };

const when = (iso: string | null) => formatDateTime(iso);

const DEFAULT_STATEMENT =
  "We, the undersigned, accept the platform for production use. The homologation and production validation " +
  "runs passed, our guardians are certified at every site, and no blocking issue is open.";

export default async function GoLivePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const view = await orNotFound(async () => await getGoLive(getDb(), actor, projectId));
  const acceptance = view.acceptance;
  const anySigned = view.signers.some((s) => s.signed);
  const eligible =
    view.you.canManage && !anySigned && view.status !== "signed" ? await eligibleSigners(getDb(), projectId) : null;
  const doneCount = view.checklist.filter((c) => c.done).length;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Go-live readiness</h2>
          <p className="max-w-3xl text-sm text-slate-600">
            Signing the go-live acceptance is possible only when every item below is done. Each required signer
            re-enters the password; the acceptance is complete when all have signed, and is then immutable.
          </p>
        </div>
        {anySigned ? (
          <ButtonLink href={`/projects/${projectId}/go-live/certificate`} variant="secondary">
            Acceptance certificate
          </ButtonLink>
        ) : null}
      </div>

      <Card
        title={
          <span className="flex flex-wrap items-center gap-2">
            Checklist
            {view.ready ? (
              <Badge tone="success">
                {view.status === "open" || view.status === "not_set_up" ? "Ready to sign" : "All done"}
              </Badge>
            ) : (
              <Badge tone="warning">{`${doneCount} of ${view.checklist.length} done`}</Badge>
            )}
          </span>
        }
      >
        <ul className="divide-y divide-slate-100" aria-label="Go-live checklist">
          {view.checklist.map((item) => (
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
                  <span className="sr-only">{item.done ? " — done" : " — not done"}</span>
                </p>
                <p className="text-sm text-slate-600">{item.detail}</p>
              </div>
              <Link href={item.href} className="ml-9 text-sm text-brand-700 underline sm:ml-0">
                Evidence<span className="sr-only">: {item.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>

      <Card
        title={
          <span className="flex flex-wrap items-center gap-2">
            Go-live acceptance{" "}
            <StatusBadge
              status={view.status}
              label={
                view.status === "not_set_up" ? "Not set up" : view.status === "open" ? "Awaiting signatures" : undefined
              }
            />
          </span>
        }
      >
        {!acceptance ? (
          <EmptyState title="The acceptance is not set up yet">
            {view.you.canManage
              ? "Write the statement and choose the signers below."
              : "The project manager sets the statement and the required signers."}
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
            <Table caption="Required signers">
              <thead>
                <tr>
                  <Th>Signer</Th>
                  <Th>Signs as</Th>
                  <Th>Signed</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {view.signers.map((s) => (
                  <tr key={s.userId}>
                    <Td>
                      {s.name}
                      <span className="block text-xs text-slate-600">{s.email}</span>
                    </Td>
                    <Td>{humanize(s.capacity)}</Td>
                    <Td>
                      {s.signed ? (
                        <>
                          <StatusBadge status="signed" />
                          <span className="mt-0.5 block text-xs text-slate-600">{when(s.signedAt)}</span>
                        </>
                      ) : (
                        <Badge>Not yet</Badge>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {view.stillToSign.length > 0 ? (
              <p className="text-sm text-slate-700">Still to sign: {view.stillToSign.map((s) => s.name).join(", ")}.</p>
            ) : (
              <p className="text-sm text-green-800">
                Every required signer has signed
                {acceptance.completedAt ? ` (complete ${when(acceptance.completedAt)})` : ""}.
                {view.you.canManage && view.goLiveGate ? (
                  <>
                    {" "}
                    File the certificate as a version of the “Go-live acceptance” artifact of{" "}
                    <Link
                      href={`/projects/${projectId}/gates/${view.goLiveGate.number}`}
                      className="text-brand-700 underline"
                    >
                      the go-live gate ({view.goLiveGate.name})
                    </Link>
                    .
                  </>
                ) : null}
              </p>
            )}
            {view.you.isSigner && !view.you.hasSigned && view.status === "open" ? (
              <div className="border-t border-slate-200 pt-4">
                <h3 className="mb-2 font-semibold text-slate-900">Your signature</h3>
                <SignForm
                  projectId={projectId}
                  statement={acceptance.statement}
                  ready={view.ready}
                  missing={view.checklist.filter((c) => !c.done).map((c) => c.label)}
                />
              </div>
            ) : null}
            {/* The hash proves which text was signed; a client reads the statement first, an auditor opens this. */}
            <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
              <summary className="cursor-pointer font-medium text-slate-800">Verify this statement</summary>
              <div className="mt-2 space-y-2 text-slate-700">
                <p>
                  Each signature records the SHA-256 fingerprint of the exact statement text above. If the text changed
                  by a single character, the fingerprint would differ.
                </p>
                <p>
                  SHA-256:{" "}
                  <code className="break-all rounded bg-slate-100 px-1 text-xs">{acceptance.statementSha256}</code>
                </p>
                <p className="text-xs text-slate-600">
                  To check it, save the statement as UTF-8 text without a trailing newline and run{" "}
                  <code>sha256sum statement.txt</code> (Linux), <code>shasum -a 256 statement.txt</code> (macOS) or{" "}
                  <code>Get-FileHash statement.txt</code> (Windows); the result must match. The signatures themselves
                  are on the tamper-evident audit trail.
                </p>
              </div>
            </details>
          </div>
        )}
        {eligible ? (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <h3 className="mb-2 font-semibold text-slate-900">
              {acceptance ? "Change the statement or the signers" : "Set up the acceptance"}
            </h3>
            <p className="mb-3 text-sm text-slate-600">
              Possible until the first signature; then the statement and the signers are frozen.
            </p>
            <ConfigureAcceptanceForm
              projectId={projectId}
              version={acceptance?.version}
              statement={acceptance?.statement ?? DEFAULT_STATEMENT}
              owners={eligible.clientOwners}
              guardians={eligible.certifiedGuardians}
              chosen={view.signers.map((s) => s.userId)}
            />
          </div>
        ) : null}
      </Card>

      <Card title="Handover to the helpdesk">
        {view.handover ? (
          <div className="space-y-3 text-sm">
            <p>
              Handed over on <strong>{formatDate(view.handover.handoverDate)}</strong>; the project is{" "}
              {view.projectStatus}.
            </p>
            <div>
              <h3 className="font-semibold text-slate-900">Support contacts</h3>
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
              <h3 className="font-semibold text-slate-900">Open items</h3>
              {view.handover.openItems.length ? (
                <ul className="list-disc pl-5">
                  {view.handover.openItems.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-600">None.</p>
              )}
            </div>
          </div>
        ) : view.status === "signed" && view.you.canRecordHandover ? (
          <HandoverForm projectId={projectId} today={new Date().toISOString().slice(0, 10)} />
        ) : (
          <p className="text-sm text-slate-600">
            The handover is recorded by the project manager once the acceptance is complete; the project then becomes
            live.
          </p>
        )}
      </Card>
    </div>
  );
}
