import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { loadProjectAccess } from "@/lib/data/access";
import { listGuardians, listSites } from "@/lib/data/guardians";
import { ACCEPT_ATTRIBUTE } from "@/lib/data/uploads";
import { listModulesWithMaterials } from "@/lib/data/training-modules";
import { listSessions, trainerCandidates, type SessionView } from "@/lib/data/training-sessions";
import { getFormat } from "@/lib/i18n/format-server";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { AttendanceForm, EnrolForm } from "./attendance-form";
import { CancelSessionButton } from "./cancel-session-button";
import { LocalTime } from "./local-time";
import { ModuleEditing } from "./module-editing";
import { CreateModuleForm, SessionForm } from "./planning-forms-on-demand";
import { DownloadLink } from "@/components/ui/download-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainingPage");
  return { title: t("title") };
}

function SessionCard({
  session,
  projectId,
  canManage,
  past,
  passMark,
  activeGuardians,
}: {
  session: SessionView;
  projectId: string;
  canManage: boolean;
  past: boolean;
  passMark: number;
  activeGuardians: { id: string; name: string; siteName: string }[];
}) {
  const enrolled = new Set(session.attendees.map((a) => a.guardianId));
  const ts = useTranslations("trainingSession");
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`session-${session.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`session-${session.id}`} className="font-semibold text-slate-900">
          {session.moduleName}
        </h4>
        <p className="text-sm text-slate-700">
          <LocalTime iso={session.startsAt} /> · {ts("minutes", { minutes: session.durationMinutes })}
        </p>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {session.mode === "on_site" ? (
          <>{ts("onSiteAt", { site: session.siteName ?? "" })}</>
        ) : (
          <>
            {ts("remote")} ·{" "}
            {session.meetingUrl ? (
              <a
                className="text-brand-700 underline"
                href={session.meetingUrl}
                rel="noopener noreferrer"
                target="_blank"
              >
                {ts("meetingLink")}
              </a>
            ) : null}
          </>
        )}{" "}
        · {ts("trainer", { name: session.trainerName })}
      </p>
      {session.notes ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-600">{session.notes}</p> : null}
      {canManage && !past ? (
        <div className="mt-2">
          <CancelSessionButton projectId={projectId} sessionId={session.id} label={session.moduleName} />
        </div>
      ) : null}
      <div className="mt-3">
        {past && canManage && session.attendees.length ? (
          <AttendanceForm
            projectId={projectId}
            sessionId={session.id}
            attendees={session.attendees}
            passMark={passMark}
          />
        ) : session.attendees.length ? (
          <ul className="flex flex-wrap gap-2" aria-label={ts("attendees")}>
            {session.attendees.map((a) => (
              <li key={a.guardianId}>
                <Badge
                  tone={
                    a.attended === false
                      ? "neutral"
                      : a.score !== null
                        ? a.score >= passMark
                          ? "success"
                          : "danger"
                        : "info"
                  }
                >
                  {a.name}
                  {a.attended === false ? ` · ${ts("absent")}` : a.score !== null ? ` · ${a.score}` : ""}
                </Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{ts("nobodyEnrolled")}</p>
        )}
      </div>
      {canManage && activeGuardians.some((g) => !enrolled.has(g.id)) ? (
        <details className="mt-3 border-t border-slate-100 pt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{ts("enrol")}</summary>
          <div className="mt-2">
            <EnrolForm
              projectId={projectId}
              sessionId={session.id}
              candidates={activeGuardians.filter((g) => !enrolled.has(g.id))}
            />
          </div>
        </details>
      ) : null}
    </li>
  );
}

export default async function TrainingPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const db = getDb();
  const access = await orNotFound(async () => await loadProjectAccess(db, actor, projectId));
  const canManage = access.can("training.manage");
  const modules = await listModulesWithMaterials(db, actor, projectId);
  const sessions = await listSessions(db, actor, projectId);
  const sites = await listSites(db, actor, projectId);
  const guardians = (await listGuardians(db, actor, projectId)).filter((g) => g.status !== "withdrawn");
  const activeGuardians = guardians.map((g) => ({ id: g.id, name: g.name, siteName: g.siteName }));
  const trainers = canManage ? await trainerCandidates(db, actor, projectId) : [];
  const now = new Date().toISOString();
  const upcoming = sessions.filter((s) => s.startsAt >= now);
  const past = sessions.filter((s) => s.startsAt < now).reverse();
  const passMarkOf = (moduleId: string) => modules.find((m) => m.id === moduleId)?.passMark ?? 0;
  const t = await getTranslations("trainingPage");
  const format = await getFormat();
  const kindLabel = {
    usage: t("kindUsage"),
    administration: t("kindAdministration"),
    configuration: t("kindConfiguration"),
    custom: t("kindCustom"),
  };

  return (
    <div className={canManage ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]" : "space-y-6"}>
      <div className="min-w-0 space-y-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <p className="text-sm">
              <Link href={`/projects/${projectId}/guardians`} className="text-brand-700 underline">
                {t("back")}
              </Link>
            </p>
            <h2 className="mt-1 text-lg font-semibold text-slate-900">{t("heading")}</h2>
          </div>
          <a
            href={`/api/v1/projects/${projectId}/training-sessions.ics`}
            download
            className={buttonClass("secondary", "sm")}
          >
            {t("exportCalendar")}
          </a>
        </div>

        <section aria-labelledby="upcoming-heading" className="space-y-3">
          <h3 id="upcoming-heading" className="text-base font-semibold text-slate-900">
            {t("upcoming", { count: upcoming.length })}
          </h3>
          {upcoming.length ? (
            <ul className="space-y-3">
              {upcoming.map((s) => (
                <SessionCard
                  key={s.id}
                  session={s}
                  projectId={projectId}
                  canManage={canManage}
                  past={false}
                  passMark={passMarkOf(s.moduleId)}
                  activeGuardians={activeGuardians}
                />
              ))}
            </ul>
          ) : (
            <EmptyState title={t("noUpcoming")}>{canManage ? t("scheduleOne") : t("vendorSchedules")}</EmptyState>
          )}
        </section>

        <section aria-labelledby="past-heading" className="space-y-3">
          <h3 id="past-heading" className="text-base font-semibold text-slate-900">
            {t("past", { count: past.length })}
          </h3>
          {past.length ? (
            <ul className="space-y-3">
              {past.map((s) => (
                <SessionCard
                  key={s.id}
                  session={s}
                  projectId={projectId}
                  canManage={canManage}
                  past
                  passMark={passMarkOf(s.moduleId)}
                  activeGuardians={activeGuardians}
                />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("noPast")}</p>
          )}
        </section>

        <section aria-labelledby="modules-heading" className="space-y-3">
          <h3 id="modules-heading" className="text-base font-semibold text-slate-900">
            {t("modules")}
          </h3>
          {modules.length ? (
            <ul className="space-y-3">
              {modules.map((m) => (
                <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <div className="flex flex-wrap items-center gap-2">
                    <h4 className="font-semibold text-slate-900">{m.name}</h4>
                    <Badge>{kindLabel[m.kind]}</Badge>
                    <Badge tone={m.required ? "info" : "neutral"}>{m.required ? t("required") : t("optional")}</Badge>
                    <span className="text-sm text-slate-700">{t("passMark", { passMark: m.passMark })}</span>
                  </div>
                  {m.description ? <p className="mt-1 text-sm text-slate-600">{m.description}</p> : null}
                  {m.materials.length ? (
                    <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                      {m.materials.map((x) => (
                        <li key={x.id}>
                          {x.kind === "file" ? (
                            <DownloadLink
                              href={`/api/v1/projects/${projectId}/training-materials/${x.id}/file`}
                              className="text-brand-700 underline"
                            >
                              {x.title}
                            </DownloadLink>
                          ) : x.url ? (
                            <a
                              href={x.url}
                              className="text-brand-700 underline"
                              rel="noopener noreferrer"
                              target="_blank"
                            >
                              {x.title}
                            </a>
                          ) : (
                            x.title
                          )}
                          {x.kind === "file" && x.size ? (
                            <span className="text-xs text-slate-500">
                              {" "}
                              ·{" "}
                              {t("fileSize", {
                                name: x.fileName ?? "",
                                size: format.number(Math.max(1, Math.round(x.size / 1024))),
                              })}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-2 text-sm text-slate-600">{t("noMaterial")}</p>
                  )}
                  {canManage ? (
                    <ModuleEditing
                      summary={t("passMarkAndMaterials")}
                      projectId={projectId}
                      module={m}
                      accept={ACCEPT_ATTRIBUTE}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t("noModules")}>
              {t("modulesExplained")} {canManage ? t("addModulesToStart") : ""}
            </EmptyState>
          )}
        </section>
      </div>

      {canManage ? (
        <aside className="space-y-6">
          <Card title={t("scheduleTitle")}>
            {modules.length ? (
              <SessionForm
                projectId={projectId}
                modules={modules.map((m) => ({ id: m.id, name: m.name }))}
                sites={sites.map((s) => ({ id: s.id, name: s.name }))}
                trainers={trainers}
                guardians={activeGuardians}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("addModuleFirst")}</p>
            )}
          </Card>
          <Card title={t("addModuleTitle")}>
            <CreateModuleForm projectId={projectId} />
          </Card>
        </aside>
      ) : null}
    </div>
  );
}
