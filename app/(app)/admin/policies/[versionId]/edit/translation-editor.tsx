"use client";

// One gate of the policy editor in one of the policy's other languages: its name, objectives and
// artifact titles, each optional (blank: readers see the source text, marked untranslated). The
// source text stands beside each field so the translator sees what they translate.
import { useTranslations } from "next-intl";
import type { PolicyGate } from "@/db/schema";
import { Input, Textarea } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/locale";

type Props = {
  gate: PolicyGate;
  index: number;
  language: Locale;
  languageName: string;
  errors: Record<string, string[]>;
  onChange: (gate: PolicyGate) => void;
};

/** How many of a gate's texts lack a translation into `language`. */
export function missingTexts(gate: PolicyGate, language: Locale): number {
  const texts = gate.translations?.[language];
  const blank = (s: string | undefined) => !s?.trim();
  return (
    (blank(texts?.name) ? 1 : 0) +
    (blank(texts?.objectives) ? 1 : 0) +
    gate.artifactTypes.filter((a) => blank(a.translations?.[language]?.title)).length
  );
}

export function TranslationEditor({ gate, index, language, languageName, errors, onChange }: Props) {
  const t = useTranslations("policyTranslation");
  const at = `gates.${index}`;
  const texts = gate.translations?.[language] ?? {};
  const setGateText = (field: "name" | "objectives", value: string) =>
    onChange({ ...gate, translations: { ...gate.translations, [language]: { ...texts, [field]: value } } });
  const setTitle = (a: number, value: string) =>
    onChange({
      ...gate,
      artifactTypes: gate.artifactTypes.map((type, i) =>
        i === a ? { ...type, translations: { ...type.translations, [language]: { title: value } } } : type,
      ),
    });
  const missing = missingTexts(gate, language);

  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" lang={language}>
      <legend className="px-1 text-base font-semibold text-slate-900">
        {t("gateLegend", { number: gate.number, language: languageName })}
      </legend>
      <p className="mb-3 text-xs text-slate-600">
        {missing ? t("missing", { count: missing, language: languageName }) : t("complete")}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <Input
          label={t("name", { number: gate.number })}
          value={texts.name ?? ""}
          placeholder={gate.name}
          hint={t("source", { text: gate.name })}
          errors={errors[`${at}.translations.${language}.name`]}
          onChange={(e) => setGateText("name", e.target.value)}
        />
        <Textarea
          label={t("objectives", { number: gate.number })}
          rows={2}
          value={texts.objectives ?? ""}
          placeholder={gate.objectives}
          hint={t("source", { text: gate.objectives })}
          errors={errors[`${at}.translations.${language}.objectives`]}
          onChange={(e) => setGateText("objectives", e.target.value)}
        />
      </div>
      {gate.artifactTypes.length ? (
        <fieldset className="mt-4">
          <legend className="text-sm font-semibold text-slate-900">{t("artifacts", { number: gate.number })}</legend>
          <ul className="mt-2 grid gap-3 md:grid-cols-2">
            {gate.artifactTypes.map((artifact, a) => (
              <li key={a}>
                <Input
                  label={t("artifactTitle", { key: artifact.key || String(a + 1) })}
                  value={artifact.translations?.[language]?.title ?? ""}
                  placeholder={artifact.title}
                  hint={t("source", { text: artifact.title })}
                  errors={errors[`${at}.artifactTypes.${a}.translations.${language}.title`]}
                  onChange={(e) => setTitle(a, e.target.value)}
                />
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
    </fieldset>
  );
}
