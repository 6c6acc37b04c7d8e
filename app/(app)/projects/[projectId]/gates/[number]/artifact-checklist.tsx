"use client";

// The gate's artifact checklist: status, version history, adding a version (file, link or
// text) and reviewing the latest version.
import { useActionState, useEffect, useRef, useState } from "react";
import { humanize, StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { GateDetail } from "@/lib/data/gate-views";
import { formatDate } from "@/lib/display-format";
import { initialFormState } from "@/lib/form-state";
import { addVersionAction, reviewAction } from "./actions";
import { ApprovalProgress } from "./approval-progress";
import { formatDateTime } from "@/lib/display-format";
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
  if (!artifacts.length)
    return <p className="text-sm text-slate-600">This gate asks for no artifacts for a project of this size.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Artifacts">
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
            {artifact.requirement === "must" ? "Required" : "Recommended"}
            {artifact.ownerName ? ` · owner ${artifact.ownerName}` : ""}
            {latest ? ` · version ${latest.number}` : ""}
          </p>
          <ApprovalProgress artifact={artifact} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={artifact.status} label={artifact.status === "missing" ? "Missing" : undefined} />
          {you.canSubmitArtifacts && gateOpen ? (
            <AddVersionDialog projectId={projectId} gateNumber={gateNumber} artifact={artifact} accept={accept} />
          ) : null}
          {canReview ? (
            <ReviewDialog projectId={projectId} gateNumber={gateNumber} artifact={artifact} again={reviewedByYou} />
          ) : null}
        </div>
      </div>
      {latest && you.onBoard && latest.submittedBy === you.id && gateOpen ? (
        <p className="text-xs text-slate-600">You submitted the latest version, so another board member reviews it.</p>
      ) : null}
      {artifact.versions.length ? (
        <details className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
          <summary className="cursor-pointer text-sm text-slate-800">
            History: {artifact.versions.length} version(s), {artifact.reviews.length} review(s)
          </summary>
          <ol className="mt-2 space-y-3">
            {artifact.versions.map((v) => (
              <li key={v.id} className="text-sm">
                <p className="text-slate-900">
                  <span className="font-medium">Version {v.number}</span> ·{" "}
                  {[humanize(v.kind), v.submittedByName, formatDateTime(v.submittedAt)].join(" · ")}
                </p>
                <div className="mt-1">
                  <VersionContent projectId={projectId} artifactId={artifact.id} version={v} />
                </div>
                {v.note ? <p className="text-xs text-slate-700">Note: {v.note}</p> : null}
                <ul className="mt-1 space-y-1">
                  {artifact.reviews
                    .filter((r) => r.versionId === v.id)
                    .map((r) => (
                      <li key={r.id} className="text-xs text-slate-700">
                        <StatusBadge
                          status={r.decision === "approve" ? "approved" : "changes_requested"}
                          label={r.decision === "approve" ? "Approved" : "Changes requested"}
                        />{" "}
                        by {r.reviewerName}
                        {r.dismissed ? " (dismissed by a newer version)" : ""}
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
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Add a version: ${artifact.title}`}
      description="A new version goes to the gate's board for review; an earlier approval no longer counts."
      trigger={
        <Button variant="secondary" size="sm">
          Add version<span className="sr-only"> of {artifact.title}</span>
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
        <legend className="text-sm font-medium text-slate-800">Kind of version</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["file", "url", "markdown"] as const).map((k) => (
            <label key={k} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "file" ? "Upload a file" : k === "url" ? "Link" : "Write text"}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "file" ? (
        <Input
          label="File"
          name="file"
          type="file"
          accept={accept}
          required
          errors={errors.file}
          hint="Up to 20 MB: PDF, PNG, JPEG, Word, Excel, PowerPoint, text, Markdown, CSV or ZIP."
        />
      ) : kind === "url" ? (
        <Input
          label="Link"
          name="url"
          type="url"
          required
          placeholder="https://"
          defaultValue={state.values?.url}
          errors={errors.url}
        />
      ) : (
        <Textarea
          label="Text (Markdown)"
          name="markdown"
          rows={8}
          required
          defaultValue={state.values?.markdown}
          errors={errors.markdown}
        />
      )}
      <Input label="Note for reviewers (optional)" name="note" defaultValue={state.values?.note} errors={errors.note} />
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Adding…">Add version</SubmitButton>
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
  const [open, setOpen] = useState(false);
  const latest = artifact.versions[0];
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Review: ${artifact.title}`}
      description={`Version ${latest?.number} by ${latest?.submittedByName}, ${formatDate(latest?.submittedAt)}.`}
      trigger={
        <Button variant={again ? "secondary" : "primary"} size="sm">
          {again ? "Review again" : "Review"}
          <span className="sr-only"> {artifact.title}</span>
        </Button>
      }
    >
      {latest ? (
        <section aria-label={`Version ${latest.number} of ${artifact.title}`} className="mb-4 space-y-2">
          <VersionContent projectId={projectId} artifactId={artifact.id} version={latest} preview />
          {latest.note ? (
            <p className="text-sm text-slate-700">
              Note from {latest.submittedByName}: {latest.note}
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
  const [state, formAction] = useActionState(reviewAction, initialFormState);
  useCloseOnSuccess(state, onDone);
  return (
    <form action={formAction} className="space-y-4 border-t border-slate-200 pt-4">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="number" value={gateNumber} />
      <input type="hidden" name="artifactId" value={artifact.id} />
      <Textarea
        label="Comment"
        name="comment"
        rows={4}
        defaultValue={state.values?.comment}
        errors={state.fieldErrors?.comment}
        hint="Required when requesting changes."
      />
      <FormMessage state={state} />
      <div className="flex flex-wrap justify-end gap-2">
        <SubmitButton variant="secondary" name="decision" value="request_changes" pendingLabel="Saving…">
          Request changes
        </SubmitButton>
        <SubmitButton name="decision" value="approve" pendingLabel="Saving…">
          Approve
        </SubmitButton>
      </div>
    </form>
  );
}
