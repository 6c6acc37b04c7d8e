"use client";

// Edits a copy of the latest policy version and publishes it as the next version.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { PolicyGate } from "@/db/schema";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Textarea } from "@/components/ui/field";
import { describePolicyChanges } from "@/lib/domain/policy";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locale";
import { publishPolicyAction } from "./actions";
import { GateEditor } from "./gate-editor";
import { missingTexts, TranslationEditor } from "./translation-editor";

type Props = { policyId: string; versionId: string; version: number; gates: PolicyGate[]; sourceLanguage: Locale };

export function PolicyEditor({ policyId, versionId, version, gates: published, sourceLanguage }: Props) {
  const t = useTranslations("policyEditor");
  const router = useRouter();
  // One tab per language, the source first: its texts are required, the others' optional.
  const languages = [sourceLanguage, ...LOCALES.filter((l) => l !== sourceLanguage)];
  const [language, setLanguage] = useState<Locale>(sourceLanguage);
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
        setMessage({ ok: true, text: t("published", { version: result.data.version }) });
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
          ? t("problems", { message: result.message ?? t("hasErrors"), count })
          : (result.message ?? t("nothingPublished")),
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
        {t("intro")}{" "}
        <a href="#publish-heading" className="text-brand-700 underline">
          {t("goToPublishing")}
        </a>
      </p>
      <div role="tablist" aria-label={t("languages")} className="flex flex-wrap gap-2 border-b border-slate-200">
        {languages.map((l) => {
          const missing = l === sourceLanguage ? 0 : gates.reduce((n, g) => n + missingTexts(g, l), 0);
          return (
            <button
              key={l}
              type="button"
              role="tab"
              id={`language-tab-${l}`}
              aria-selected={language === l}
              aria-controls="language-panel"
              className={
                "-mb-px rounded-t-md border px-3 py-1.5 text-sm " +
                (language === l
                  ? "border-slate-200 border-b-white bg-white font-semibold text-slate-900"
                  : "border-transparent text-brand-700 hover:underline")
              }
              onClick={() => setLanguage(l)}
            >
              {l === sourceLanguage
                ? t("sourceTab", { language: LOCALE_NAMES[l] })
                : missing
                  ? t("languageTabMissing", { language: LOCALE_NAMES[l], count: missing })
                  : LOCALE_NAMES[l]}
            </button>
          );
        })}
      </div>
      {errors.gates ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.gates.join(" ")}
        </p>
      ) : null}
      <div id="language-panel" role="tabpanel" aria-labelledby={`language-tab-${language}`} className="space-y-4">
        {language !== sourceLanguage ? (
          <p className="text-sm text-slate-600">{t("translationHint", { language: LOCALE_NAMES[language] })}</p>
        ) : null}
        {gates.map((gate, index) =>
          language === sourceLanguage ? (
            <GateEditor
              key={gate.number}
              gate={gate}
              index={index}
              publishedKeys={publishedKeys.get(gate.number) ?? new Set()}
              errors={errors}
              onChange={(next) => setGates((all) => all.map((g, i) => (i === index ? next : g)))}
            />
          ) : (
            <TranslationEditor
              key={`${gate.number}-${language}`}
              gate={gate}
              index={index}
              language={language}
              languageName={LOCALE_NAMES[language]}
              errors={errors}
              onChange={(next) => setGates((all) => all.map((g, i) => (i === index ? next : g)))}
            />
          ),
        )}
      </div>
      <section aria-labelledby="publish-heading" className="rounded-lg border border-brand-100 bg-white p-4 shadow-sm">
        <h2 id="publish-heading" className="text-base font-semibold text-slate-900">
          {t("publishHeading", { version: version + 1 })}
        </h2>
        <div className="mt-2 text-sm text-slate-700" aria-live="polite">
          {changes.length === 0 ? (
            <p>{t("noChanges")}</p>
          ) : (
            <details>
              <summary className="cursor-pointer">{t("changes", { count: changes.length, version })}</summary>
              <ul className="mt-1 list-disc pl-5">
                {changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
        <Textarea
          label={t("note")}
          rows={2}
          className="mt-3"
          value={note}
          errors={errors.note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          hint={t("noteHint")}
        />
        <div className="mt-3 flex flex-wrap gap-2">
          <ConfirmDialog
            trigger={
              <Button variant="primary" disabled={pending || changes.length === 0}>
                {pending ? t("publishing") : t("publishButton", { version: version + 1 })}
              </Button>
            }
            title={t("confirmTitle", { version: version + 1 })}
            description={t("confirmBody", { version, next: version + 1 })}
            confirmLabel={t("confirm")}
            variant="primary"
            onConfirm={publish}
          />
          <ButtonLink href={`/admin/policies/${versionId}`}>{t("cancel")}</ButtonLink>
        </div>
      </section>
    </form>
  );
}
