import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { loadProjectAccess } from "@/lib/data/access";
import { escalationAssignees, escalationRaiseCheck, listEscalations } from "@/lib/data/escalations";
import { isEscalationOpen, nextEscalationStatuses } from "@/lib/domain/escalation";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { RaiseEscalationForm } from "./raise-form";
import { TriageForm } from "./triage-form";
import { getFormat } from "@/lib/i18n/format-server";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("escalationPage");
  return { title: t("title") };
}

const SEVERITY_TONE = { low: "neutral", medium: "info", high: "warning", critical: "danger" } as const;

export default async function EscalationsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const db = getDb();
  const access = await orNotFound(async () => await loadProjectAccess(db, actor, projectId));
  const escalations = await listEscalations(db, actor, projectId);
  const verdict = await escalationRaiseCheck(db, actor, projectId);
  const canTriage = access.can("escalation.triage");
  const assignees = canTriage ? await escalationAssignees(db, actor, projectId) : [];
  const isGuardian = access.roles.includes("guardian");
  const open = escalations.filter((e) => isEscalationOpen(e.status));
  const done = escalations.filter((e) => !isEscalationOpen(e.status));
  const t = await getTranslations("escalationPage");
  const format = await getFormat();
  const day = (iso: string) => format.date(iso);
  const severityWords = { low: t("low"), medium: t("medium"), high: t("high"), critical: t("critical") };

  const list = (items: typeof escalations) => (
    <ul className="space-y-3">
      {items.map((e) => (
        <li
          key={e.id}
          id={`escalation-${e.id}`}
          className="rounded-lg border border-slate-200 bg-white p-4"
          aria-labelledby={`escalation-title-${e.id}`}
        >
          <div className="flex flex-wrap items-center gap-2">
            <h4 id={`escalation-title-${e.id}`} className="font-semibold text-slate-900">
              {e.title}
            </h4>
            <StatusBadge status={e.status} />
            <Badge tone={SEVERITY_TONE[e.severity]}>{severityWords[e.severity]}</Badge>
            {e.blocking ? <Badge tone="danger">{t("blocking")}</Badge> : null}
          </div>
          <p className="mt-1 text-xs text-slate-600">
            {t("raisedBy", { name: e.raisedByName, date: day(e.createdAt) })} ·{" "}
            {e.assigneeName ? t("assignedTo", { name: e.assigneeName }) : t("notAssigned")} ·{" "}
            {t("updatedOn", { date: day(e.updatedAt) })}
          </p>
          <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{e.description}</p>
          {e.resolution ? (
            <p className="mt-2 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
              <span className="font-medium">{t("resolution")} </span>
              {e.resolution}
            </p>
          ) : null}
          {canTriage && e.status !== "closed" ? (
            <details className="mt-3 border-t border-slate-100 pt-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("triage")}</summary>
              <div className="mt-3">
                <TriageForm
                  projectId={projectId}
                  escalation={e}
                  nextStatuses={nextEscalationStatuses(e.status)}
                  assignees={assignees}
                />
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );

  return (
    <div className={actor.role === "client" ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]" : "space-y-6"}>
      <div className="min-w-0 space-y-6">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
          <p className="mt-1 max-w-prose text-sm text-slate-600">{t("intro")}</p>
        </div>
        <section aria-labelledby="open-heading" className="space-y-3">
          <h3 id="open-heading" className="text-base font-semibold text-slate-900">
            {t("open", { count: open.length })}
          </h3>
          {open.length ? list(open) : <EmptyState title={t("nothingOpen")}>{t("nothingOpenBody")}</EmptyState>}
        </section>
        {done.length ? (
          <section aria-labelledby="done-heading" className="space-y-3">
            <h3 id="done-heading" className="text-base font-semibold text-slate-900">
              {t("done", { count: done.length })}
            </h3>
            {list(done)}
          </section>
        ) : null}
      </div>
      {actor.role === "client" ? (
        <aside>
          <Card title={t("raise")}>
            {verdict.ok ? (
              <RaiseEscalationForm projectId={projectId} />
            ) : (
              <div role="status" className="space-y-2 text-sm" data-testid="escalation-refusal">
                <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
                  {verdict.refusal.message}
                </p>
                {isGuardian ? (
                  <p className="text-slate-600">
                    {t.rich("guardianProgress", {
                      guardians: (chunks) => (
                        <a className="text-brand-700 underline" href={`/projects/${projectId}/guardians`}>
                          {chunks}
                        </a>
                      ),
                      training: (chunks) => (
                        <a className="text-brand-700 underline" href={`/projects/${projectId}/guardians/training`}>
                          {chunks}
                        </a>
                      ),
                    })}
                  </p>
                ) : null}
              </div>
            )}
          </Card>
        </aside>
      ) : null}
    </div>
  );
}
