"use client";

// The gate's artifact checklist: status, version history, adding a version (file, link or
// text) and reviewing the latest version.
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { GateDetail } from "@/lib/data/gate-views";
import { initialFormState } from "@/lib/form-state";
import { addVersionAction, reviewAction } from "./actions";
import { ApprovalProgress } from "./approval-progress";
import { useFormat } from "@/lib/i18n/use-format";
import { VersionContent } from "./version-content";

type ArtifactItem = GateDetail["gate"]["artifacts"][number];
type Props = {
  projectId: string;
  gateNumber: number;
  artifacts: ArtifactItem[];
  you: GateDetail["you"];
  gateOpen: boolean;
  accept: string;
};

export function ArtifactChecklist({ projectId, gateNumber, artifacts, you, gateOpen, accept }: Props) {
  const t = useTranslations("gateArtifacts");
  if (!artifacts.length) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label={t("label")}>
      {artifacts.map((a) => (
        <li key={a.id} className="py-3">
          <ArtifactRow
            projectId={projectId}
            gateNumber={gateNumber}
            artifact={a}
            you={you}
            gateOpen={gateOpen}
            accept={accept}
          />
        </li>
      ))}
    </ul>
  );
}

function ArtifactRow({
  projectId,
  gateNumber,
  artifact,
  you,
  gateOpen,
  accept,
}: {
  projectId: string;
  gateNumber: number;
  artifact: ArtifactItem;
  you: GateDetail["you"];
  gateOpen: boolean;
  accept: string;
}) {
  const t = useTranslations("gateArtifacts");
  const format = useFormat();
  const kindWords: Record<string, string> = { file: t("kindFile"), url: t("kindUrl"), markdown: t("kindMarkdown") };
  const latest = artifact.versions[0];
  const canReview = you.onBoard && gateOpen && latest && latest.submittedBy !== you.id;
  const reviewedByYou = Boolean(
    latest && artifact.reviews.some((r) => r.versionId === latest.id && r.reviewerId === you.id && !r.dismissed),
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-medium text-slate-900">{artifact.title}</h3>
          <p className="text-xs text-slate-600">
            {artifact.requirement === "must" ? t("required") : t("recommended")}
            {artifact.ownerName ? ` · ${t("owner", { name: artifact.ownerName })}` : ""}
            {latest ? ` · ${t("version", { number: latest.number })}` : ""}
          </p>
          <ApprovalProgress artifact={artifact} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={artifact.status} label={artifact.status === "missing" ? t("missing") : undefined} />
          {you.canSubmitArtifacts && gateOpen ? (
            <AddVersionDialog projectId={projectId} gateNumber={gateNumber} artifact={artifact} accept={accept} />
          ) : null}
          {canReview ? (
            <ReviewDialog projectId={projectId} gateNumber={gateNumber} artifact={artifact} again={reviewedByYou} />
          ) : null}
        </div>
      </div>
      {latest && you.onBoard && latest.submittedBy === you.id && gateOpen ? (
        <p className="text-xs text-slate-600">{t("yourVersion")}</p>
      ) : null}
      {artifact.versions.length ? (
        <details className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
          <summary className="cursor-pointer text-sm text-slate-800">
            {t("history", { versions: artifact.versions.length, reviews: artifact.reviews.length })}
          </summary>
          <ol className="mt-2 space-y-3">
            {artifact.versions.map((v) => (
              <li key={v.id} className="text-sm">
                <p className="text-slate-900">
                  <span className="font-medium">{t("versionHeading", { number: v.number })}</span> ·{" "}
                  {[kindWords[v.kind] ?? v.kind, v.submittedByName, format.dateTime(v.submittedAt)].join(" · ")}
                </p>
                <div className="mt-1">
                  <VersionContent projectId={projectId} artifactId={artifact.id} version={v} />
                </div>
                {v.note ? <p className="text-xs text-slate-700">{t("note", { note: v.note })}</p> : null}
                <ul className="mt-1 space-y-1">
                  {artifact.reviews
                    .filter((r) => r.versionId === v.id)
                    .map((r) => (
                      <li key={r.id} className="text-xs text-slate-700">
                        <StatusBadge
                          status={r.decision === "approve" ? "approved" : "changes_requested"}
                          label={r.decision === "approve" ? t("approved") : t("changesRequested")}
                        />{" "}
                        {t("by", { name: r.reviewerName })}
                        {r.dismissed ? ` ${t("dismissed")}` : ""}
                        {r.comment ? `: “${r.comment}”` : ""}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

function AddVersionDialog({
  projectId,
  gateNumber,
  artifact,
  accept,
}: {
  projectId: string;
  gateNumber: number;
  artifact: ArtifactItem;
  accept: string;
}) {
  const t = useTranslations("gateArtifacts");
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("addTitle", { title: artifact.title })}
      description={t("addDescription")}
      trigger={
        <Button variant="secondary" size="sm">
          {t("addVersion")}
          <span className="sr-only"> {t("ofTitle", { title: artifact.title })}</span>
        </Button>
      }
    >
      <AddVersionForm
        projectId={projectId}
        gateNumber={gateNumber}
        artifact={artifact}
        accept={accept}
        onDone={() => setOpen(false)}
      />
    </Dialog>
  );
}

/** Mounted only while the dialog is open, so a refusal from an earlier attempt never greets the next one. */
function AddVersionForm({
  projectId,
  gateNumber,
  artifact,
  accept,
  onDone,
}: {
  projectId: string;
  gateNumber: number;
  artifact: ArtifactItem;
  accept: string;
  onDone: () => void;
}) {
  const t = useTranslations("gateArtifacts");
  const [kind, setKind] = useState<"file" | "url" | "markdown">("file");
  const [state, formAction] = useActionState(addVersionAction, initialFormState);
  useCloseOnSuccess(state, onDone);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="number" value={gateNumber} />
      <input type="hidden" name="artifactId" value={artifact.id} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("kind")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["file", "url", "markdown"] as const).map((k) => (
            <label key={k} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "file" ? t("uploadFile") : k === "url" ? t("link") : t("writeText")}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "file" ? (
        <Input
          label={t("file")}
          name="file"
          type="file"
          accept={accept}
          required
          errors={errors.file}
          hint={t("fileHint")}
        />
      ) : kind === "url" ? (
        <Input
          label={t("link")}
          name="url"
          type="url"
          required
          placeholder="https://"
          defaultValue={state.values?.url}
          errors={errors.url}
        />
      ) : (
        <Textarea
          label={t("markdown")}
          name="markdown"
          rows={8}
          required
          defaultValue={state.values?.markdown}
          errors={errors.markdown}
        />
      )}
      <Input label={t("noteLabel")} name="note" defaultValue={state.values?.note} errors={errors.note} />
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("adding")}>{t("addVersion")}</SubmitButton>
      </div>
    </form>
  );
}

function useCloseOnSuccess(state: { ok: boolean; at?: number }, onDone: () => void) {
  const lastAt = useRef(state.at);
  useEffect(() => {
    if (state.ok && state.at !== lastAt.current) onDone();
    lastAt.current = state.at;
  }, [state, onDone]);
}

function ReviewDialog({
  projectId,
  gateNumber,
  artifact,
  again,
}: {
  projectId: string;
  gateNumber: number;
  artifact: ArtifactItem;
  again: boolean;
}) {
  const t = useTranslations("gateArtifacts");
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const latest = artifact.versions[0];
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("reviewTitle", { title: artifact.title })}
      description={t("reviewDescription", {
        number: String(latest?.number),
        name: String(latest?.submittedByName),
        date: format.date(latest?.submittedAt),
      })}
      trigger={
        <Button variant={again ? "secondary" : "primary"} size="sm">
          {again ? t("reviewAgain") : t("review")}
          <span className="sr-only"> {artifact.title}</span>
        </Button>
      }
    >
      {latest ? (
        <section
          aria-label={t("versionOf", { number: latest.number, title: artifact.title })}
          className="mb-4 space-y-2"
        >
          <VersionContent projectId={projectId} artifactId={artifact.id} version={latest} preview />
          {latest.note ? (
            <p className="text-sm text-slate-700">
              {t("noteFrom", { name: latest.submittedByName, note: latest.note })}
            </p>
          ) : null}
        </section>
      ) : null}
      <ReviewForm projectId={projectId} gateNumber={gateNumber} artifact={artifact} onDone={() => setOpen(false)} />
    </Dialog>
  );
}

function ReviewForm({
  projectId,
  gateNumber,
  artifact,
  onDone,
}: {
  projectId: string;
  gateNumber: number;
  artifact: ArtifactItem;
  onDone: () => void;
}) {
  const t = useTranslations("gateArtifacts");
  const [state, formAction] = useActionState(reviewAction, initialFormState);
  useCloseOnSuccess(state, onDone);
  return (
    <form action={formAction} className="space-y-4 border-t border-slate-200 pt-4">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="number" value={gateNumber} />
      <input type="hidden" name="artifactId" value={artifact.id} />
      <Textarea
        label={t("comment")}
        name="comment"
        rows={4}
        defaultValue={state.values?.comment}
        errors={state.fieldErrors?.comment}
        hint={t("commentHint")}
      />
      <FormMessage state={state} />
      <div className="flex flex-wrap justify-end gap-2">
        <SubmitButton variant="secondary" name="decision" value="request_changes" pendingLabel={t("saving")}>
          {t("requestChanges")}
        </SubmitButton>
        <SubmitButton name="decision" value="approve" pendingLabel={t("saving")}>
          {t("approve")}
        </SubmitButton>
      </div>
    </form>
  );
}
