// The migration screen's enum labels, in one place for the page (a server component) and its
// forms (client components): the migration phases and the RACI roles in the reader's words.
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { MigrationPhase, RACI_ROLES } from "@/lib/domain/migration";

type Translate = ReturnType<typeof useTranslations<"migrationPage">>;

function migrationLabels(t: Translate) {
  const phase: Record<MigrationPhase, string> = {
    design: t("phaseDesign"),
    build: t("phaseBuild"),
    deployment: t("phaseDeployment"),
    post_implementation: t("phasePostImplementation"),
  };
  const role: Record<(typeof RACI_ROLES)[number]["key"], string> = {
    vendor_pm: t("roleVendorPm"),
    vendor_team: t("roleVendorTeam"),
    integrator: t("roleIntegrator"),
    client_owner: t("roleClientOwner"),
    client_it: t("roleClientIt"),
    guardians: t("roleGuardians"),
    helpdesk: t("roleHelpdesk"),
  };
  return { phase, role };
}
export type MigrationLabels = ReturnType<typeof migrationLabels>;

/** In a client (or synchronous server) component. */
export function useMigrationLabels(): MigrationLabels {
  const t = useTranslations("migrationPage");
  return migrationLabels(t);
}

/** In an async server component. */
export async function getMigrationLabels(): Promise<MigrationLabels> {
  const t = await getTranslations("migrationPage");
  return migrationLabels(t);
}
