// A project's gates, artifacts and the quality scale as a reader sees them: each text in the reader's
// language, or in its source language with that language named so the page marks it untranslated
// (lib/domain/localized-text.ts). Every read that shows a policy text goes through here.
import type { PolicyTranslations } from "@/db/schema";
import { localizeFields, SOURCE_LANGUAGE } from "@/lib/domain/localized-text";
import type { Locale } from "@/lib/i18n/locale";

type GateRow = {
  name: string;
  objectives: string;
  language: Locale;
  translations: PolicyTranslations<"name" | "objectives">;
};

/** A gate's name and objectives for the reader; `…Untranslated` is the language shown instead, or null. */
export function gateTexts(gate: GateRow, reader: Locale | null | undefined) {
  const { texts, untranslated } = localizeFields(
    { name: gate.name, objectives: gate.objectives },
    gate.translations,
    gate.language,
    reader,
  );
  return { ...texts, nameUntranslated: untranslated.name, objectivesUntranslated: untranslated.objectives };
}

/** An artifact's title for the reader, and the language shown instead when it is not translated. */
export function artifactTexts(
  artifact: { title: string; language: Locale; translations: PolicyTranslations<"title"> },
  reader: Locale | null | undefined,
) {
  const { texts, untranslated } = localizeFields(
    { title: artifact.title },
    artifact.translations,
    artifact.language,
    reader,
  );
  return { title: texts.title, titleUntranslated: untranslated.title };
}

/** A quality level's name and purpose for the reader (the scale is written in English first). */
export function levelTexts(
  level: { name: string; purpose: string; translations: PolicyTranslations<"name" | "purpose"> },
  reader: Locale | null | undefined,
) {
  const { texts, untranslated } = localizeFields(
    { name: level.name, purpose: level.purpose },
    level.translations,
    SOURCE_LANGUAGE,
    reader,
  );
  return { ...texts, nameUntranslated: untranslated.name, purposeUntranslated: untranslated.purpose };
}

/** A quality activity's name for the reader. */
export function activityTexts(
  activity: { name: string; translations?: PolicyTranslations<"name"> | null },
  reader: Locale | null | undefined,
) {
  const { texts, untranslated } = localizeFields(
    { name: activity.name },
    activity.translations,
    SOURCE_LANGUAGE,
    reader,
  );
  return { name: texts.name, nameUntranslated: untranslated.name };
}

/** The texts a view carries: without a reader (the API), the source texts alone, as the contract declares. */
export type GateTexts = {
  name: string;
  objectives: string;
  nameUntranslated?: Locale | null;
  objectivesUntranslated?: Locale | null;
};
export const gateTextsOrSource = (gate: GateRow, reader: Locale | undefined): GateTexts =>
  reader ? gateTexts(gate, reader) : { name: gate.name, objectives: gate.objectives };

export type ArtifactTexts = { title: string; titleUntranslated?: Locale | null };
export const artifactTextsOrSource = (
  artifact: Parameters<typeof artifactTexts>[0],
  reader: Locale | undefined,
): ArtifactTexts => (reader ? artifactTexts(artifact, reader) : { title: artifact.title });
