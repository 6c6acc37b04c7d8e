// One audit event as a sentence a person reads ("Paula Martins approved Statement of Work on gate 7"),
// its changes as "field: old → new", and the technical record (action, ids, hash chain) one click away.
// Sentence and changes are in the reader's language; the technical record shows the stored codes.
import Link from "next/link";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import type { AuditEventView } from "@/lib/views/audit-event";
import { formatFor } from "@/lib/i18n/format";
import type { AuditNames } from "@/lib/domain/audit-sentence";
import { sayAuditChanges, sayAuditEvent, valueWords } from "@/lib/audit-sentence-words";
import type { AuditWords } from "@/lib/audit-words";

export function AuditEventItem({
  event,
  names,
  words,
  linkProject = false,
}: {
  event: AuditEventView;
  names: AuditNames;
  /** The reader's words for the sentence and the changes (the page's requestAuditWords()). */
  words: AuditWords;
  linkProject?: boolean;
}) {
  const t = useTranslations("auditEvent");
  // Rendered on the server by the audit pages: the request's language and zone, as getFormat() would give.
  const format = formatFor(useLocale(), useTimeZone() ?? "UTC");
  const sentence = sayAuditEvent(words, {
    action: event.action,
    objectType: event.objectType,
    before: event.before,
    after: event.after,
    names,
  });
  const changes = sayAuditChanges(words, format, event.before, event.after);
  const removed = t("removed");
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="min-w-0 text-slate-900">
          {sentence.map((part, i) =>
            part.emphasis ? (
              <em key={i} className="font-medium">
                {part.text}
              </em>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
        <time dateTime={event.at} className="whitespace-nowrap text-xs text-slate-600">
          {format.dateTime(event.at, { seconds: true })}
        </time>
      </div>
      {changes.length ? (
        <dl
          className="mt-1.5 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs text-slate-700"
          aria-label={t("changes")}
        >
          {changes.map((c) => (
            <div key={c.field} className="contents">
              <dt className="font-medium text-slate-600">{c.label}</dt>
              <dd className="min-w-0 break-words">
                {c.from !== null && c.to !== null ? (
                  <>
                    <span className="text-slate-500 line-through decoration-slate-300">{c.from}</span> →{" "}
                    <span>{c.to}</span>
                  </>
                ) : c.to !== null ? (
                  c.to
                ) : (
                  <>
                    <span className="text-slate-500 line-through decoration-slate-300">{c.from}</span> → {removed}
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="mt-1 text-xs text-slate-600">
        {event.actor?.email ?? t("system")}
        {event.actorRole ? ` (${valueWords(words, event.actorRole)})` : null}
        {linkProject && event.projectId ? (
          <>
            {" · "}
            <Link href={`/projects/${event.projectId}/audit`} className="text-brand-700 underline">
              {t("projectTrail")}
            </Link>
          </>
        ) : null}
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-brand-700">{t("record", { seq: String(event.seq) })}</summary>
        <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs text-slate-600">
          <dt>{t("action")}</dt>
          <dd className="font-mono">{event.action}</dd>
          <dt>{t("object")}</dt>
          <dd className="break-all font-mono">
            {event.objectType} {event.objectId}
          </dd>
          <dt>{t("hash")}</dt>
          <dd className="break-all font-mono">{event.hash}</dd>
          <dt>{t("previous")}</dt>
          <dd className="break-all font-mono">{event.previousHash}</dd>
          {event.ip ? (
            <>
              <dt>{t("from")}</dt>
              <dd className="break-all">
                {event.ip}
                {event.userAgent ? ` · ${event.userAgent}` : ""}
              </dd>
            </>
          ) : null}
          {event.withheld.length ? (
            <>
              <dt>{t("withheld")}</dt>
              <dd>{event.withheld.join(", ")}</dd>
            </>
          ) : null}
        </dl>
      </details>
    </li>
  );
}
