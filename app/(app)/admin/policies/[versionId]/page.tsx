import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { SIZE_CLASSES, type PolicyGate } from "@/db/schema";
import { PolicyText } from "@/components/policy-text";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getPolicyVersion } from "@/lib/data/policies";
import { knownLanguages, localizeFields } from "@/lib/domain/localized-text";
import { getFormat } from "@/lib/i18n/format-server";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/locale";
import { orNotFound } from "@/lib/page";
import { requireAdminPage } from "../../require-admin";
import { usePolicyLabels } from "./policy-labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminPolicyVersion");
  return { title: t("title") };
}

export default async function PolicyVersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const actor = await requireAdminPage();
  const { versionId } = await params;
  const version = await orNotFound(async () => await getPolicyVersion(getDb(), actor, versionId));
  const t = await getTranslations("adminPolicyVersion");
  const format = await getFormat();
  const locale = await getLocale();
  const reader = isLocale(locale) ? locale : undefined;
  const languages = knownLanguages(version.languages);
  const texts = (gate: PolicyGate) =>
    localizeFields({ name: gate.name, objectives: gate.objectives }, gate.translations, languages[0], reader);
  const title = (a: PolicyGate["artifactTypes"][number]) =>
    localizeFields({ title: a.title }, a.translations, languages[0], reader);
  const published = t("published", {
    when: format.dateTime(version.publishedAt),
    by: version.publishedBy ?? t("initialSeed"),
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/policies" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {t("heading", { name: version.policy.name, version: version.version })}
            {version.isLatest ? (
              <Badge tone="success">{t("latest")}</Badge>
            ) : (
              <Badge>{t("supersededBy", { version: version.latestVersion })}</Badge>
            )}
          </span>
        }
        description={
          (version.note ? t("publishedWithNote", { published, note: version.note }) : `${published}.`) +
          " " +
          t("usedBy", { count: version.projectCount })
        }
        actions={
          version.isLatest ? (
            <ButtonLink href={`/admin/policies/${version.id}/edit`} variant="primary">
              {t("editAndPublish", { version: version.version + 1 })}
            </ButtonLink>
          ) : null
        }
      />
      <p className="mb-4 text-sm text-slate-600">
        {t("languages", { languages: languages.map((l) => LOCALE_NAMES[l]).join(", ") })}
      </p>
      {!version.isLatest ? (
        <p className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {t("keptUnchanged")}
        </p>
      ) : null}
      <div className="space-y-4">
        {version.gates.map((gate) => (
          <GateCard key={gate.number} gate={gate} texts={texts(gate)} titleOf={title} />
        ))}
        <Card title={t("projectsOn", { version: version.version })}>
          {version.projects.length === 0 ? (
            <p className="text-sm text-slate-600">{version.isLatest ? t("noProjectYet") : t("noProject")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {version.projects.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                  <Link href={`/projects/${p.id}`} className="text-brand-700 underline">
                    {p.name}
                  </Link>
                  <span className="flex items-center gap-2 text-slate-600">
                    {p.organization} <StatusBadge status={p.status} />
                  </span>
                </li>
              ))}
              {version.projectCount > version.projects.length ? (
                <li className="py-1.5 text-slate-600">
                  {t("andMore", { count: version.projectCount - version.projects.length })}
                </li>
              ) : null}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

type Localized<F extends string> = ReturnType<typeof localizeFields<F>>;

/** One gate of the version: its texts in the reader's language (marked where they fell back) and its rules. */
function GateCard({
  gate,
  texts,
  titleOf,
}: {
  gate: PolicyGate;
  texts: Localized<"name" | "objectives">;
  titleOf: (a: PolicyGate["artifactTypes"][number]) => Localized<"title">;
}) {
  const labels = usePolicyLabels();
  const t = labels.t;
  return (
    <Card
      title={
        <>
          {t("gateTitle", { number: gate.number })}{" "}
          <PolicyText text={texts.texts.name} untranslated={texts.untranslated.name} />
        </>
      }
      actions={<Badge tone="info">{t("decision", { rule: labels.rule(gate) })}</Badge>}
    >
      <p className="text-sm text-slate-800">
        <PolicyText text={texts.texts.objectives} untranslated={texts.untranslated.objectives} />
      </p>
      <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("plannedDate")}</dt>
        <dd>{labels.schedule(gate.schedule)}</dd>
        <dt className="text-slate-600">{t("mustPassBeforeGoLive")}</dt>
        <dd>{gate.requiredBeforeGoLive ? t("yes") : t("no")}</dd>
      </dl>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">{t("defaultBoard")}</h3>
      <ul className="mt-1 flex flex-wrap gap-2 text-sm">
        {gate.defaultBoard.map((seat) => (
          <li key={seat.projectRole}>
            <Badge tone={seat.required ? "warning" : "neutral"}>
              {seat.required
                ? t("roleRequired", { role: labels.role(seat.projectRole) })
                : labels.role(seat.projectRole)}
            </Badge>
          </li>
        ))}
      </ul>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">{t("requiredArtifacts")}</h3>
      <Table caption={t("artifactsOf", { number: gate.number })} className="mt-1">
        <thead>
          <tr>
            <Th>{t("artifact")}</Th>
            <Th>{t("approvedBy")}</Th>
            {SIZE_CLASSES.map((size) => (
              <Th key={size}>{labels.size(size)}</Th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {gate.artifactTypes.map((artifact) => {
            const title = titleOf(artifact);
            return (
              <tr key={artifact.key}>
                <Td>
                  <PolicyText text={title.texts.title} untranslated={title.untranslated.title} />
                </Td>
                <Td className="text-slate-700">{labels.approvers(artifact.approverRoles)}</Td>
                {SIZE_CLASSES.map((size) => (
                  <Td key={size}>
                    {artifact.requirement[size] ? (
                      <Badge tone={artifact.requirement[size] === "must" ? "warning" : "info"}>
                        {artifact.requirement[size] === "must" ? t("must") : t("should")}
                      </Badge>
                    ) : (
                      <span className="text-slate-500">{t("notRequired")}</span>
                    )}
                  </Td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
