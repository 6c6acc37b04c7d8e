"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import { enrolAttendeesAction, recordAttendanceAction } from "./actions";

type Attendee = { guardianId: string; name: string; siteName: string; attended: boolean | null; score: number | null };
type Row = { guardianId: string; attended: boolean; score: string };

/** Attendance and assessment scores of one past session, saved together. */
export function AttendanceForm({
  projectId,
  sessionId,
  attendees,
  passMark,
}: {
  projectId: string;
  sessionId: string;
  attendees: Attendee[];
  passMark: number;
}) {
  const [rows, setRows] = useState<Row[]>(
    attendees.map((a) => ({
      guardianId: a.guardianId,
      attended: a.attended ?? false,
      score: a.score === null ? "" : String(a.score),
    })),
  );
  const [state, setState] = useState<FormState>(initialFormState);
  const [pending, startTransition] = useTransition();
  const t = useTranslations("trainingAttendance");
  const update = (guardianId: string, change: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.guardianId === guardianId ? { ...r, ...change } : r)));

  const save = () =>
    startTransition(async () => {
      const records = rows.map((r) => ({
        guardianId: r.guardianId,
        attended: r.attended,
        score: r.attended && r.score !== "" ? Number(r.score) : null,
      }));
      setState(await recordAttendanceAction({ projectId, sessionId, records }));
    });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      className="space-y-2"
      aria-label={t("label")}
    >
      <table className="w-full text-sm">
        <caption className="sr-only">{t("caption", { passMark })}</caption>
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-600">
            <th scope="col" className="py-1 pr-2">
              {t("guardian")}
            </th>
            <th scope="col" className="py-1 pr-2">
              {t("attended")}
            </th>
            <th scope="col" className="py-1">
              {t("score")}
            </th>
          </tr>
        </thead>
        <tbody>
          {attendees.map((a) => {
            const row = rows.find((r) => r.guardianId === a.guardianId)!;
            return (
              <tr key={a.guardianId} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {a.name} <span className="block text-xs text-slate-500">{a.siteName}</span>
                </th>
                <td className="py-1.5 pr-2">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    checked={row.attended}
                    onChange={(e) =>
                      update(a.guardianId, { attended: e.target.checked, ...(e.target.checked ? {} : { score: "" }) })
                    }
                    aria-label={t("attendedLabel", { name: a.name })}
                  />
                </td>
                <td className="py-1.5">
                  <input
                    type="number"
                    min={0}
                    max={100}
                    inputMode="numeric"
                    className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-100"
                    value={row.score}
                    disabled={!row.attended}
                    onChange={(e) => update(a.guardianId, { score: e.target.value })}
                    aria-label={t("scoreLabel", { name: a.name })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormMessage state={state} success={t("saved")} />
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

/** Adds guardians to a session. */
export function EnrolForm({
  projectId,
  sessionId,
  candidates,
}: {
  projectId: string;
  sessionId: string;
  candidates: { id: string; name: string; siteName: string }[];
}) {
  const [state, formAction] = useActionState(enrolAttendeesAction, initialFormState);
  const t = useTranslations("trainingAttendance");
  if (!candidates.length) return null;
  return (
    <form action={formAction} className="space-y-2" aria-label={t("enrolLabel")}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <fieldset>
        <legend className="sr-only">{t("enrolLegend")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {candidates.map((g) => (
            <label key={g.id} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="guardianIds[]" value={g.id} className="h-4 w-4" />
              {g.name}
            </label>
          ))}
        </div>
      </fieldset>
      {state.fieldErrors?.guardianIds ? (
        <p role="alert" className="text-sm text-red-700">
          {state.fieldErrors.guardianIds.join(" ")}
        </p>
      ) : null}
      <FormMessage state={state} success={t("enrolled")} />
      <SubmitButton variant="secondary" size="sm" pendingLabel={t("enrolling")}>
        {t("enrol")}
      </SubmitButton>
    </form>
  );
}
