"use client";

// How each kind of notification reaches the person by email: at once, in the daily digest, or not
// at all. Without SMTP on the server the panel says so (the choices are kept for when it is on).
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { EmailPreferencesView } from "@/lib/data/email-preferences";
import type { EmailKind, EmailMode } from "@/lib/domain/email-preferences";
import { saveEmailPreferencesAction } from "./email-actions";

type KindWords = ReturnType<typeof useTranslations<"emailKinds">>;

/** One literal call per kind and hint (the catalogue test reads keys literally). */
function kindWords(kinds: KindWords, kind: EmailKind): { label: string; hint: string } {
  switch (kind) {
    case "reviews":
      return { label: kinds("reviews"), hint: kinds("reviewsHint") };
    case "review_outcomes":
      return { label: kinds("review_outcomes"), hint: kinds("review_outcomesHint") };
    case "gate_decisions":
      return { label: kinds("gate_decisions"), hint: kinds("gate_decisionsHint") };
    case "sprints":
      return { label: kinds("sprints"), hint: kinds("sprintsHint") };
    case "go_live":
      return { label: kinds("go_live"), hint: kinds("go_liveHint") };
    case "escalations":
      return { label: kinds("escalations"), hint: kinds("escalationsHint") };
    case "validation":
      return { label: kinds("validation"), hint: kinds("validationHint") };
    case "reports":
      return { label: kinds("reports"), hint: kinds("reportsHint") };
  }
}

export function EmailPanel({ view }: { view: EmailPreferencesView }) {
  const t = useTranslations("emailPanel");
  const kinds = useTranslations("emailKinds");
  const { state, onSubmit, pending } = useActionForm(saveEmailPreferencesAction);
  const current = state.ok && state.data ? (state.data as EmailPreferencesView) : view;
  const modeLabel = (mode: EmailMode) =>
    mode === "immediately" ? t("immediately") : mode === "daily" ? t("daily") : t("off");
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {view.emailEnabled ? (
        <p className="text-sm text-slate-700">{t("digestAt", { hour: view.digestHour, zone: view.timeZone })}</p>
      ) : (
        <p
          role="note"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          data-testid="email-not-configured"
        >
          {t("notConfigured")}
        </p>
      )}
      <FormMessage state={state} success={t("saved")} />
      <div className="divide-y divide-slate-200 rounded-md border border-slate-200">
        {current.preferences.map((preference) => {
          const words = kindWords(kinds, preference.kind);
          const hintId = `email-kind-${preference.kind}-hint`;
          return (
            <fieldset key={preference.kind} className="px-3 py-3" aria-describedby={hintId}>
              <legend className="text-sm font-medium text-slate-900">{words.label}</legend>
              <div className="mt-0.5 grid gap-2 md:grid-cols-[minmax(0,1fr)_auto] md:items-center md:gap-4">
                <p id={hintId} className="text-xs text-slate-600">
                  {words.hint}
                </p>
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {(["immediately", "daily", "off"] as const).map((mode) => (
                    <label key={mode} className="flex items-center gap-1.5 text-sm text-slate-800">
                      <input
                        type="radio"
                        name={preference.kind}
                        value={mode}
                        defaultChecked={preference.mode === mode}
                        className="h-4 w-4 accent-brand-700"
                      />
                      {modeLabel(mode)}
                      {preference.defaultMode === mode ? (
                        <span className="text-xs text-slate-500">{t("defaultMark")}</span>
                      ) : null}
                    </label>
                  ))}
                </div>
              </div>
            </fieldset>
          );
        })}
      </div>
      <SubmitButton pendingLabel={t("saving")} pending={pending}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}
