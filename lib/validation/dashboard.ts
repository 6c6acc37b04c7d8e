import { z } from "zod";
import { HEALTH, PROJECT_STATUSES } from "@/db/schema";

export const PORTFOLIO_SORTS = ["name", "client", "gate", "goLive", "health"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The dashboard's URL search params; anything unknown falls back to the default rather than failing the page. */
export const portfolioQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(PROJECT_STATUSES).optional()).catch(undefined),
  health: z.preprocess(blankToUndefined, z.enum(HEALTH).optional()).catch(undefined),
  client: z.preprocess(blankToUndefined, z.string().uuid().optional()).catch(undefined),
  sort: z.enum(PORTFOLIO_SORTS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).catch(25).default(25),
});
export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;

/** First value of each search param (Next gives string | string[]). */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}
