import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { getDb } from "@/db/client";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { loadProjectAccess } from "@/lib/data/access";
import { guardianRoster, nominationCandidates } from "@/lib/data/guardians";
import type { ModuleProgress } from "@/lib/domain/guardian";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { NominateForm } from "../nominate-form";
import { SiteForm } from "../site-form";
import { MoveGuardianDialog } from "../move-guardian-dialog";
import { WithdrawButton } from "../withdraw-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("guardiansPage");
  return { title: t("title") };
}

function ProgressCell({ progress }: { progress: ModuleProgress }) {
  const tp = useTranslations("guardianProgress");
  if (progress.passed) {
    return (
      <span className="text-green-800">
        <span aria-hidden>✓ </span>
        {progress.bestScore} <span className="sr-only">{tp("passed")}</span>
      </span>
    );
  }
  if (progress.bestScore !== null) {
    return (
      <span className="text-red-700">
        <span aria-hidden>✗ </span>
        {progress.bestScore} <span className="text-xs">{tp("belowPassMark", { passMark: progress.passMark })}</span>
      </span>
    );
  }
  if (progress.attended) return <span className="text-slate-700">{tp("attendedNotAssessed")}</span>;
  if (progress.absent) return <span className="text-slate-700">{tp("absent")}</span>;
  if (progress.enrolled) return <span className="text-slate-700">{tp("enrolled")}</span>;
  return (
    <span className="text-slate-500">
      —<span className="sr-only">{tp("notStarted")}</span>
    </span>
  );
}

export default async function GuardiansPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const db = getDb();
  const access = await orNotFound(async () => await loadProjectAccess(db, actor, projectId));
  const roster = await guardianRoster(db, actor, projectId);
  const canNominate = access.can("guardian.nominate");
  const candidates = canNominate ? await nominationCandidates(db, actor, projectId) : [];
  const all = roster.sites.flatMap((s) => s.guardians);
  const count = (status: string) => all.filter((g) => g.status === status).length;
  const required = roster.modules.filter((m) => m.required);
  const t = await getTranslations("guardiansPage");
  const statusLabel = {
    nominated: t("statusNominated"),
    in_training: t("statusInTraining"),
    certified: t("statusCertified"),
    withdrawn: t("statusWithdrawn"),
  };

  return (
    <div className={canNominate ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : "space-y-6"}>
      <div className="min-w-0 space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 className="text-lg font-semibold text-slate-900">{t("heading")}</h2>
            <p className="mt-1 max-w-prose text-sm text-slate-600">
              {required.length
                ? t("certificationRuleWithModules", {
                    modules: required
                      .map((m) => t("moduleWithPassMark", { module: m.name, passMark: m.passMark }))
                      .join("; "),
                  })
                : t("certificationRule")}
            </p>
            <p className="mt-2 flex flex-wrap gap-2" aria-label={t("byStatus")}>
              <Badge tone="success">{t("countCertified", { count: count("certified") })}</Badge>
              <Badge tone="info">{t("countInTraining", { count: count("in_training") })}</Badge>
              <Badge>{t("countNominated", { count: count("nominated") })}</Badge>
              {count("withdrawn") ? <Badge>{t("countWithdrawn", { count: count("withdrawn") })}</Badge> : null}
            </p>
          </div>
          <ButtonLink href={`/projects/${projectId}/guardians/training`}>{t("trainingLink")}</ButtonLink>
        </div>

        {roster.sites.length === 0 ? (
          <EmptyState title={t("noSites")}>
            {t("sitesExplained")} {canNominate ? t("addFirstSite") : t("sitesAddedBy")}
          </EmptyState>
        ) : (
          roster.sites.map(({ site, guardians }) => (
            <section key={site.id} aria-labelledby={`site-${site.id}`} className="space-y-2">
              <h3 id={`site-${site.id}`} className="text-base font-semibold text-slate-900">
                {site.name}{" "}
                {site.location ? <span className="text-sm font-normal text-slate-600">· {site.location}</span> : null}
              </h3>
              {guardians.length === 0 ? (
                <p
                  className={
                    "rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm " + "text-slate-600"
                  }
                >
                  {t("noGuardianAtSite")}
                </p>
              ) : (
                <Table caption={t("siteTableCaption", { site: site.name })}>
                  <thead>
                    <tr>
                      <Th>{t("guardian")}</Th>
                      <Th>{t("status")}</Th>
                      {roster.modules.map((m) => (
                        <Th key={m.id}>
                          {m.name}
                          <span className="block text-[11px] font-normal normal-case text-slate-500">
                            {m.required
                              ? t("moduleRequired", { passMark: m.passMark })
                              : t("moduleOptional", { passMark: m.passMark })}
                          </span>
                        </Th>
                      ))}
                      {canNominate ? (
                        <Th className="relative">
                          <span className="sr-only">{t("actions")}</span>
                        </Th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {guardians.map((g) => (
                      <tr key={g.id} data-testid={`guardian-${g.email}`}>
                        <Td>
                          <span className="font-medium text-slate-900">{g.name}</span>
                          <span className="block text-xs text-slate-600">{g.email}</span>
                        </Td>
                        <Td>
                          <StatusBadge status={g.status} label={statusLabel[g.status]} />
                        </Td>
                        {g.progress.map((p) => (
                          <Td key={p.moduleId} className="relative whitespace-nowrap">
                            <ProgressCell progress={p} />
                          </Td>
                        ))}
                        {canNominate ? (
                          <Td className="text-right">
                            {g.status !== "withdrawn" ? (
                              <div className="flex justify-end gap-1">
                                {roster.sites.length > 1 ? (
                                  <MoveGuardianDialog
                                    projectId={projectId}
                                    guardian={{ id: g.id, name: g.name, version: g.version, siteId: g.siteId }}
                                    sites={roster.sites.map((s) => ({ id: s.site.id, name: s.site.name }))}
                                  />
                                ) : null}
                                <WithdrawButton
                                  projectId={projectId}
                                  guardianId={g.id}
                                  version={g.version}
                                  name={g.name}
                                />
                              </div>
                            ) : null}
                          </Td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </section>
          ))
        )}
      </div>

      {canNominate ? (
        <aside className="space-y-6">
          {roster.sites.length ? (
            <Card title={t("nominateTitle")}>
              {candidates.length ? (
                <NominateForm
                  projectId={projectId}
                  candidates={candidates}
                  sites={roster.sites.map((s) => ({ id: s.site.id, name: s.site.name }))}
                />
              ) : (
                <p className="text-sm text-slate-600">{t("noCandidates")}</p>
              )}
            </Card>
          ) : null}
          <Card title={t("addSiteTitle")}>
            <SiteForm projectId={projectId} />
          </Card>
        </aside>
      ) : null}
    </div>
  );
}
