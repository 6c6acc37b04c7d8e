// Demo data for the dashboard and status reports: last week's frozen report of the residential
// MVP, and of Meridian's prepaid charging in Spanish (this week's is left for the button), and every
// demo project's health computed from the data the other seeders wrote (so this seeder runs last).
import { and, eq } from "drizzle-orm";
import { gates } from "@/db/schema";
import { refreshProjectHealth } from "@/lib/data/health";
import { freezeReport } from "@/lib/data/status-reports";
import type { DemoSeeder } from "./demo";
import { daysFromNow } from "./portfolio";

export const seedReports: DemoSeeder = async (tx, world) => {
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const residential = world.projects["nordlicht-residential"];
  if (residential) await freezeReport(tx, null, residential, lastWeek);
  // A Spanish client's project: its report is frozen in Spanish, whoever reads it.
  const prepaid = world.projects["meridian-prepaid"];
  if (prepaid) await freezeReport(tx, null, prepaid, lastWeek);
  // The wholesale interconnect is running late: its current gate was planned five days ago.
  const wholesale = world.projects["meridian-wholesale"];
  if (wholesale) {
    await tx
      .update(gates)
      .set({ plannedDate: daysFromNow(-5) })
      .where(and(eq(gates.projectId, wholesale.id), eq(gates.number, wholesale.currentGate)));
  }
  for (const project of Object.values(world.projects)) await refreshProjectHealth(tx, project.id);
};
