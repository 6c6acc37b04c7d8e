// `npm run reports:weekly`: for every active project, the status report of the current ISO
// week unless it exists; also refreshes every project's cached health (time alone can turn a
// gate overdue). Safe to run repeatedly (e.g. from cron every Monday morning).
import { closeDatabase } from "@/db/client";
import { openCommandDatabase } from "./database";
import { refreshPortfolioHealth } from "@/lib/data/health";
import { generateWeeklyReports } from "@/lib/data/status-reports";

const db = await openCommandDatabase();
try {
  const healthChanged = await refreshPortfolioHealth(db);
  const result = await generateWeeklyReports(db);
  console.log(
    `Week ${result.week}: ${result.generated} report(s) generated, ${result.skipped} project(s) already had ` +
      `one. Health changed on ${healthChanged} project(s).`,
  );
} finally {
  await closeDatabase(db);
}
