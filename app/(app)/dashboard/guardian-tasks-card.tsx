import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { GuardianTasks } from "@/lib/data/guardian-tasks";
import { formatDate } from "@/lib/display-format";

export function GuardianTasksCard({ tasks }: { tasks: GuardianTasks }) {
  return (
    <Card title="Your training and validation" id="guardian-tasks">
      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="g-sessions">
          <h3 id="g-sessions" className="mb-2 text-sm font-semibold text-slate-800">
            Upcoming training sessions
          </h3>
          {tasks.sessions.length === 0 ? (
            <p className="text-sm text-slate-600">No session planned yet.</p>
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
                  {s.invited ? <Badge tone="info">Invited</Badge> : null}
                  <div className="text-slate-600">
                    {formatDate(s.startsAt)} · {s.mode === "remote" ? "remote" : "on site"} · {s.projectName}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="g-modules">
          <h3 id="g-modules" className="mb-2 text-sm font-semibold text-slate-800">
            Modules still to pass
          </h3>
          {tasks.modulesToPass.length === 0 ? (
            <p className="text-sm text-slate-600">You have passed every required module.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {tasks.modulesToPass.map((m) => (
                <li key={m.moduleId}>
                  <span className="font-medium">{m.moduleName}</span>
                  <div className="text-slate-600">
                    {m.projectName} · pass mark {m.passMark}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="g-validation">
          <h3 id="g-validation" className="mb-2 text-sm font-semibold text-slate-800">
            Validation to do
          </h3>
          {tasks.validation.length === 0 ? (
            <p className="text-sm text-slate-600">No open validation run.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {tasks.validation.map((v) => (
                <li key={v.runId}>
                  <Link
                    href={`/projects/${v.projectId}/validation`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {v.environment === "production" ? "Production" : "Homologation"} run
                  </Link>
                  <div className="text-slate-600">
                    {v.pendingScenarios} scenario{v.pendingScenarios === 1 ? "" : "s"} to record · {v.projectName}
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
