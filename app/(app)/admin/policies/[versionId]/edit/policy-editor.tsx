"use client";

// Edits a copy of the latest policy version and publishes it as the next version.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { PolicyGate } from "@/db/schema";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Textarea } from "@/components/ui/field";
import { describePolicyChanges } from "@/lib/domain/policy";
import { publishPolicyAction } from "./actions";
import { GateEditor } from "./gate-editor";

type Props = { policyId: string; versionId: string; version: number; gates: PolicyGate[] };

export function PolicyEditor({ policyId, versionId, version, gates: published }: Props) {
  const router = useRouter();
  const [gates, setGates] = useState<PolicyGate[]>(() => JSON.parse(JSON.stringify(published)));
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const publishedKeys = useMemo(
    () => new Map(published.map((g) => [g.number, new Set(g.artifactTypes.map((a) => a.key))])),
    [published],
  );
  const changes = useMemo(() => describePolicyChanges(published, gates), [published, gates]);

  const publish = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await publishPolicyAction({ policyId, basedOnVersion: version, note, gates });
      if (result.ok && result.data) {
        setErrors({});
        setMessage({ ok: true, text: `Version ${result.data.version} published.` });
        router.push(`/admin/policies/${result.data.id}`);
        return;
      }
      const fieldErrors = Object.fromEntries(
        Object.entries(result.fieldErrors ?? {}).filter((e): e is [string, string[]] => Boolean(e[1])),
      );
      setErrors(fieldErrors);
      const count = Object.values(fieldErrors).flat().length;
      setMessage({
        ok: false,
        text: count
          ? `${result.message ?? "The policy has errors."} ${count} problem${count === 1 ? "" : "s"} to fix below.`
          : (result.message ?? "Nothing was published."),
      });
    });

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={
            message.ok
              ? "rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
              : "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          }
        >
          {message.text}
        </p>
      ) : null}
      <p className="text-sm text-slate-600">
        Change any gate below, then publish at the end of the page.{" "}
        <a href="#publish-heading" className="text-brand-700 underline">
          Go to publishing
        </a>
      </p>
      {errors.gates ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.gates.join(" ")}
        </p>
      ) : null}
      {gates.map((gate, index) => (
        <GateEditor
          key={gate.number}
          gate={gate}
          index={index}
          publishedKeys={publishedKeys.get(gate.number) ?? new Set()}
          errors={errors}
          onChange={(next) => setGates((all) => all.map((g, i) => (i === index ? next : g)))}
        />
      ))}
      <section aria-labelledby="publish-heading" className="rounded-lg border border-brand-100 bg-white p-4 shadow-sm">
        <h2 id="publish-heading" className="text-base font-semibold text-slate-900">
          Publish version {version + 1}
        </h2>
        <div className="mt-2 text-sm text-slate-700" aria-live="polite">
          {changes.length === 0 ? (
            <p>No changes yet.</p>
          ) : (
            <details>
              <summary className="cursor-pointer">
                {changes.length} change{changes.length === 1 ? "" : "s"} compared with version {version}
              </summary>
              <ul className="mt-1 list-disc pl-5">
                {changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
        <Textarea
          label="Note for this version"
          rows={2}
          className="mt-3"
          value={note}
          errors={errors.note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          hint="Why the policy changes; shown in the version list."
        />
        <div className="mt-3 flex flex-wrap gap-2">
          <ConfirmDialog
            trigger={
              <Button variant="primary" disabled={pending || changes.length === 0}>
                {pending ? "Publishing…" : `Publish version ${version + 1}`}
              </Button>
            }
            title={`Publish version ${version + 1}?`}
            description={
              `Published versions cannot be changed. Projects already running keep ` +
              `version ${version} (or older); projects created from now on use ` +
              `version ${version + 1}.`
            }
            confirmLabel="Publish"
            variant="primary"
            onConfirm={publish}
          />
          <ButtonLink href={`/admin/policies/${versionId}`}>Cancel</ButtonLink>
        </div>
      </section>
    </form>
  );
}
