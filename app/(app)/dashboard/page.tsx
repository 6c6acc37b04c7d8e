import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ClientLinks } from "@/components/ui/client-links";
import { PageHeader } from "@/components/ui/page-header";
import { adminSetup } from "@/lib/data/admin-setup";
import type { Milestone } from "@/lib/data/dashboard";
import { dashboardView } from "@/lib/data/dashboard-view";
import { guardianTasks } from "@/lib/data/guardian-tasks";
import { canAdminister, isVendor } from "@/lib/domain/permissions";
import { getFormat } from "@/lib/i18n/format-server";
import { requireActor } from "@/lib/session";
import { firstValues, portfolioQuerySchema } from "@/lib/validation/dashboard";
import { AdminSetupCard } from "./admin-setup-card";
import { ClientProjects } from "./client-projects";
import { dashboardText } from "./dashboard-text";
import { GuardianTasksCard } from "./guardian-tasks-card";
import { PortfolioTable } from "./portfolio-table";
import { ReviewQueueCard } from "./review-queue-card";
import { readerLocale } from "@/lib/data/reader-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboardPage");
  return { title: t("title") };
}

// Adapted to who looks: vendor staff get the portfolio table (filters, sorting, pages),
// board members what waits for their review, guardians their training and validation,
// client accounts their organisation's client-facing view.
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const t = await getTranslations("dashboardPage");
  const format = await getFormat();
  const m = await getTranslations("milestoneName");
  // The next milestone in the reader's words; its English label stays the fallback.
  const milestoneName = (milestone: Milestone) =>
    milestone.kind === "gate" && milestone.number !== undefined && milestone.name !== undefined
      ? m("gate", { number: milestone.number, name: milestone.name })
      : milestone.kind === "sprint_end" && milestone.number !== undefined
        ? m("sprintEnd", { number: milestone.number })
        : milestone.kind === "training"
          ? m("training")
          : milestone.kind === "go_live"
            ? m("goLive")
            : milestone.label;
  const db = getDb();
  const query = portfolioQuerySchema.parse(firstValues(await searchParams));
  const vendor = isVendor(actor);
  const view = await dashboardView(db, actor, query, undefined, await readerLocale());
  const { queue, queueFirst } = view;
  const text = await dashboardText(view, format, milestoneName, vendor);
  const tasks = actor.role === "client" ? await guardianTasks(db, actor) : null;
  const filtered = Boolean(query.status || query.health || query.client);
  const setup = canAdminister(actor) ? await adminSetup(db, actor) : null;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          vendor ? (actor.role === "admin" ? t("descriptionAdmin") : t("descriptionStaff")) : t("descriptionClient")
        }
      />
      <div className="space-y-6">
        {setup && !setup.done ? <AdminSetupCard steps={setup.steps} /> : null}
        {queueFirst ? <ReviewQueueCard queue={queue} items={text.queue} /> : null}
        {tasks?.guardian ? <GuardianTasksCard tasks={tasks} format={format} /> : null}
        <section aria-labelledby="portfolio-heading">
          <h2 id="portfolio-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {vendor ? t("portfolio") : t("yourProjects")}
          </h2>
          {text.table ? (
            <>
              <ClientLinks>
                <div dangerouslySetInnerHTML={{ __html: text.table.filters }} />
              </ClientLinks>
              <PortfolioTable
                page={text.table.page}
                head={text.table.head}
                rows={text.table.rows}
                query={query}
                filtered={filtered}
              />
            </>
          ) : (
            <ClientProjects items={text.items} format={format} milestoneName={milestoneName} />
          )}
        </section>
        {queue.seated && !queueFirst ? <ReviewQueueCard queue={queue} items={text.queue} /> : null}
      </div>
    </>
  );
}
