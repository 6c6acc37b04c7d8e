import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { GuardianTasks } from "@/lib/data/guardian-tasks";
import type { Format } from "@/lib/i18n/format";

export function GuardianTasksCard({ tasks, format }: { tasks: GuardianTasks; format: Format }) {
  const t = useTranslations("guardianTasks");
  return (
    <Card title={t("title")} id="guardian-tasks">
      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="g-sessions">
          <h3 id="g-sessions" className="mb-2 text-sm font-semibold text-slate-800">
            {t("sessions")}
          </h3>
          {tasks.sessions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noSession")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {tasks.sessions.map((s) => (
                <li key={s.sessionId}>
                  <Link
                    href={`/projects/${s.projectId}/guardians`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {s.moduleName}
                  </Link>{" "}
                  {s.invited ? <Badge tone="info">{t("invited")}</Badge> : null}
                  <div className="text-slate-600">
                    {format.date(s.startsAt)} · {s.mode === "remote" ? t("remote") : t("onSite")} · {s.projectName}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="g-modules">
          <h3 id="g-modules" className="mb-2 text-sm font-semibold text-slate-800">
            {t("modules")}
          </h3>
          {tasks.modulesToPass.length === 0 ? (
            <p className="text-sm text-slate-600">{t("allPassed")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {tasks.modulesToPass.map((m) => (
                <li key={m.moduleId}>
                  <span className="font-medium">{m.moduleName}</span>
                  <div className="text-slate-600">{t("passMark", { project: m.projectName, mark: m.passMark })}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="g-validation">
          <h3 id="g-validation" className="mb-2 text-sm font-semibold text-slate-800">
            {t("validation")}
          </h3>
          {tasks.validation.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noRun")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {tasks.validation.map((v) => (
                <li key={v.runId}>
                  <Link
                    href={`/projects/${v.projectId}/validation`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {v.environment === "production" ? t("productionRun") : t("homologationRun")}
                  </Link>
                  <div className="text-slate-600">
                    {t("scenariosToRecord", { count: v.pendingScenarios, project: v.projectName })}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Card>
  );
}
