// What the dashboard shows one account for one query: the review queue, one page of the
// portfolio and the client filter. It is the most requested page and the most expensive to
// compute over a large portfolio, so the answer is memoised until the database changes
// (lib/data/read-memo.ts), per account, query and day (health and milestones depend on the date).
import type { Db } from "@/db/client";
import { listPortfolio, portfolioClients } from "@/lib/data/dashboard";
import { todayUtc } from "@/lib/data/health";
import { memoRead } from "@/lib/data/read-memo";
import { boardOnly, reviewQueue } from "@/lib/data/review-queue";
import { isVendor, type Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locale";
import type { PortfolioQuery } from "@/lib/validation/dashboard";

export function dashboardView(db: Db, actor: Actor, query: PortfolioQuery, today = todayUtc(), reader?: Locale) {
  // Per reader's language too: gate names are policy texts shown in it.
  const key = JSON.stringify(["dashboard", actor.id, actor.role, actor.organizationId, query, today, reader]);
  return memoRead(db, key, async () => {
    const vendor = isVendor(actor);
    const queue = await reviewQueue(db, actor);
    // Client accounts see every project of their organisation on one page, without the client filter.
    const scope = vendor ? query : { ...query, client: undefined, pageSize: 100 };
    const page = await listPortfolio(db, actor, scope, today, reader);
    return {
      query,
      queue,
      page,
      clients: vendor ? await portfolioClients(db, actor) : [],
      // The queue leads when something waits, and always for accounts that take part only as board members.
      queueFirst:
        queue.seated && (queue.gates.length > 0 || queue.artifacts.length > 0 || (await boardOnly(db, actor))),
    };
  });
}
