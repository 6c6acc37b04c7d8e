// One audit event: what happened, who did it, when, and its chain link (project timeline and admin list).
import Link from "next/link";
import { humanize } from "@/components/ui/badge";
import type { AuditEventView } from "@/lib/data/audit-trail";

const json = (value: unknown) => JSON.stringify(value, null, 2);
const hasContent = (value: unknown) => value !== null && value !== undefined && !(typeof value === "object" && Object.keys(value as object).length === 0);

export function AuditEventItem({ event, linkProject = false }: { event: AuditEventView; linkProject?: boolean }) {
  const at = event.at.slice(0, 19).replace("T", " ");
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="min-w-0">
          <span className="font-mono text-xs font-semibold text-slate-900">{event.action}</span>
          <span className="text-slate-600"> on {humanize(event.objectType).toLowerCase()} </span>
          <span className="font-mono text-xs text-slate-500" title={event.objectId}>
            {event.objectId.slice(0, 8)}
          </span>
        </p>
        <time dateTime={event.at} className="whitespace-nowrap text-xs text-slate-600">
          {at} UTC
        </time>
      </div>
      <p className="mt-0.5 text-slate-700">
        {event.actor?.email ?? "System"}
        {event.actorRole ? <span className="text-slate-500"> ({event.actorRole})</span> : null}
        {linkProject && event.projectId ? (
          <>
            {" · "}
            <Link href={`/projects/${event.projectId}/audit`} className="text-brand-700 underline">
              project trail
            </Link>
          </>
        ) : null}
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-brand-700">Details of event #{event.seq}</summary>
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          {hasContent(event.before) ? (
            <div>
              <p className="text-xs font-semibold text-slate-700">Before</p>
              <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{json(event.before)}</pre>
            </div>
          ) : null}
          {hasContent(event.after) ? (
            <div>
              <p className="text-xs font-semibold text-slate-700">After</p>
              <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{json(event.after)}</pre>
            </div>
          ) : null}
        </div>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600">
          <dt>Hash</dt>
          <dd className="break-all font-mono">{event.hash}</dd>
          <dt>Previous</dt>
          <dd className="break-all font-mono">{event.previousHash}</dd>
          {event.ip ? (
            <>
              <dt>From</dt>
              <dd className="break-all">
                {event.ip}
                {event.userAgent ? ` · ${event.userAgent}` : ""}
              </dd>
            </>
          ) : null}
          {event.withheld.length ? (
            <>
              <dt>Withheld</dt>
              <dd>{event.withheld.join(", ")}</dd>
            </>
          ) : null}
        </dl>
      </details>
    </li>
  );
}
