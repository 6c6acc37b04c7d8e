import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";

/** Keyset pagination links: "First page" and "Next page" keep the other search params. */
export function Pagination({
  basePath,
  params,
  nextCursor,
  hasPrevious,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
  hasPrevious: boolean;
}) {
  const t = useTranslations("pagination");
  const href = (cursor?: string) => {
    const search = new URLSearchParams(
      Object.entries({ ...params, cursor }).filter((e): e is [string, string] => Boolean(e[1])),
    );
    const query = search.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  if (!nextCursor && !hasPrevious) return null;
  return (
    <nav aria-label={t("label")} className="mt-4 flex justify-between">
      {hasPrevious ? (
        <Link className={buttonClass("secondary", "sm")} href={href()}>
          {t("firstPage")}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link className={buttonClass("secondary", "sm")} href={href(nextCursor)}>
          {t("nextPage")}
        </Link>
      ) : null}
    </nav>
  );
}
