"use client";

// The account's language and time zone. Empty means "the browser's": the language then follows
// Accept-Language and the time zone the browser's own, which the form names so the person knows
// what "the browser's" is. The zone is typed with suggestions (over 400 zones make a poor menu)
// and checked on the server, where an unknown one is refused on the field.
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { Input, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Preferences } from "@/lib/data/preferences";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";
import { savePreferencesAction } from "./actions";

const noSubscription = () => () => undefined;
/** The browser's zone, once hydrated (the server cannot know it). */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
    () => null,
  );
}

export function PreferencesForm({
  preferences,
  example,
  zones,
}: {
  preferences: Preferences;
  /** This moment as dates and times read now, so a change of zone shows at once. */
  example: string;
  zones: string[];
}) {
  const t = useTranslations("settingsPreferences");
  const { state, onSubmit, pending } = useActionForm(savePreferencesAction);
  const browserZone = useBrowserTimeZone();
  const e = state.fieldErrors ?? {};
  const browserZoneLabel = browserZone ? t("browserTimeZone", { zone: browserZone }) : t("browserTimeZoneUnknown");
  return (
    <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2 md:items-start" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={state} success={t("saved")} />
      </div>
      <input type="hidden" name="browserTimeZone" value={browserZone ?? ""} />
      <Select
        label={t("language")}
        name="locale"
        defaultValue={preferences.locale ?? ""}
        errors={e.locale}
        hint={t("languageHint")}
        options={[
          { value: "", label: t("browserLanguage") },
          ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] })),
        ]}
      />
      <div className="min-w-0">
        <Input
          label={t("timeZone")}
          name="timeZone"
          list="time-zones"
          autoComplete="off"
          spellCheck={false}
          defaultValue={preferences.timeZone ?? ""}
          placeholder={browserZoneLabel}
          errors={e.timeZone}
          hint={t("timeZoneHint")}
        />
        <datalist id="time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <p className="text-sm text-slate-700 md:col-span-2" data-testid="date-time-example">
        {t("example", { example })}
      </p>
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={t("saving")} pending={pending}>
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}
