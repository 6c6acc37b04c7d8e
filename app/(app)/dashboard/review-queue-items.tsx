"use client";

// The items of the dashboard's review queue, rendered from a few display strings each (dates are
// formatted on the server), so the page carries that data rather than an element tree per item.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export type GateQueueItem = {
  projectId: string;
  projectName: string;
  gateNumber: number;
  gateName: string;
  submitted: string | null;
  required: boolean;
};
export type ArtifactQueueItem = {
  projectId: string;
  projectName: string;
  gateNumber: number;
  artifactId: string;
  title: string;
  versionNumber: number;
  submitted: string;
};

export function GatesToVote({ items }: { items: GateQueueItem[] }) {
  const t = useTranslations("reviewQueue");
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {items.map((g) => (
        <li
          key={`${g.projectId}-${g.gateNumber}`}
          className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
        >
          <div className="min-w-0">
            <Link
              href={`/projects/${g.projectId}/gates/${g.gateNumber}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {t("gate", { number: g.gateNumber, name: g.gateName })}
            </Link>
            <div className="text-slate-600">{g.projectName}</div>
          </div>
          <div className="flex items-center gap-2 text-xs text-slate-600">
            {g.required ? <Badge tone="warning">{t("requiredVote")}</Badge> : null}
            {g.submitted ? <span>{t("submitted", { date: g.submitted })}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function ArtifactsToReview({ items }: { items: ArtifactQueueItem[] }) {
  const t = useTranslations("reviewQueue");
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {items.map((a) => (
        <li key={a.artifactId} className="px-3 py-2 text-sm">
          <Link
            href={`/projects/${a.projectId}/gates/${a.gateNumber}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {a.title}
          </Link>{" "}
          <span className="text-slate-600">{t("version", { number: a.versionNumber })}</span>
          <div className="text-slate-600">
            {t("artifactLine", { project: a.projectName, gate: a.gateNumber, date: a.submitted })}
          </div>
        </li>
      ))}
    </ul>
  );
}
