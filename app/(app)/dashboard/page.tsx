import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/ui/page-header";
import { adminSetup } from "@/lib/data/admin-setup";
import { dashboardView } from "@/lib/data/dashboard-view";
import { guardianTasks } from "@/lib/data/guardian-tasks";
import { canAdminister, isVendor } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/session";
import { firstValues, portfolioQuerySchema } from "@/lib/validation/dashboard";
import { AdminSetupCard } from "./admin-setup-card";
import { ClientProjects } from "./client-projects";
import { GuardianTasksCard } from "./guardian-tasks-card";
import { PortfolioFilters } from "./portfolio-filters";
import { PortfolioTable } from "./portfolio-table";
import { portfolioPageView } from "./portfolio-view";
import { ReviewQueueCard } from "./review-queue-card";
import { readerLocale } from "@/lib/data/reader-locale";

export const metadata: Metadata = { title: "Dashboard" };

// Adapted to who looks: vendor staff get the portfolio table (filters, sorting, pages),
// board members what waits for their review, guardians their training and validation,
// client accounts their organisation's client-facing view.
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const db = getDb();
  const query = portfolioQuerySchema.parse(firstValues(await searchParams));
  const vendor = isVendor(actor);
  const { queue, page, clients, queueFirst } = await dashboardView(db, actor, query, undefined, await readerLocale());
  const tasks = actor.role === "client" ? await guardianTasks(db, actor) : null;
  const filtered = Boolean(query.status || query.health || query.client);
  const setup = canAdminister(actor) ? await adminSetup(db, actor) : null;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          vendor
            ? actor.role === "admin"
              ? "Every rollout in the portfolio, worst health first when sorted by health."
              : "Your rollouts at a glance, and what waits for you."
            : "Your organisation's rollouts: where they stand and what comes next."
        }
      />
      <div className="space-y-6">
        {setup && !setup.done ? <AdminSetupCard steps={setup.steps} /> : null}
        {queueFirst ? <ReviewQueueCard queue={queue} /> : null}
        {tasks?.guardian ? <GuardianTasksCard tasks={tasks} /> : null}
        <section aria-labelledby="portfolio-heading">
          <h2 id="portfolio-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {vendor ? "Portfolio" : "Your projects"}
          </h2>
          {vendor ? (
            <>
              <PortfolioFilters query={query} clients={clients} showClient />
              <PortfolioTable page={portfolioPageView(page)} query={query} filtered={filtered} />
            </>
          ) : (
            <ClientProjects items={page.items} />
          )}
        </section>
        {queue.seated && !queueFirst ? <ReviewQueueCard queue={queue} /> : null}
      </div>
    </>
  );
}
