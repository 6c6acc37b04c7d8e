// The integration screen's enum labels, in one place for the page (a server component) and its
// forms (client components): system kinds, protocols and interface statuses in the reader's words.
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { PROTOCOLS, SYSTEM_KINDS } from "@/db/enums";
import type { InterfaceStatus } from "@/lib/domain/interface";

type Translate = ReturnType<typeof useTranslations<"integrationPage">>;

function integrationLabels(t: Translate) {
  const kinds: Record<(typeof SYSTEM_KINDS)[number], string> = {
    crm: t("kindCrm"),
    erp: t("kindErp"),
    portal: t("kindPortal"),
    mobile: t("kindMobile"),
    payment: t("kindPayment"),
    meter_data: t("kindMeterData"),
    mediation: t("kindMediation"),
    other: t("kindOther"),
  };
  const protocols: Record<(typeof PROTOCOLS)[number], string> = {
    rest: t("protocolRest"),
    kafka: t("protocolKafka"),
    sftp: t("protocolSftp"),
    file: t("protocolFile"),
    soap: t("protocolSoap"),
    other: t("protocolOther"),
  };
  const statuses: Record<InterfaceStatus, string> = {
    designed: t("statusDesigned"),
    developed: t("statusDeveloped"),
    tested: t("statusTested"),
    live: t("statusLive"),
  };
  return { kinds, protocols, statuses };
}
export type IntegrationLabels = ReturnType<typeof integrationLabels>;

/** In a client (or synchronous server) component. */
export function useIntegrationLabels(): IntegrationLabels {
  const t = useTranslations("integrationPage");
  return integrationLabels(t);
}

/** In an async server component. */
export async function getIntegrationLabels(): Promise<IntegrationLabels> {
  const t = await getTranslations("integrationPage");
  return integrationLabels(t);
}
