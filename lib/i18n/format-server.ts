// The reader's formatter in a server component, page or route: the request's language and time
// zone as i18n/request.ts chose them.
import { getLocale, getTimeZone } from "next-intl/server";
import { type Format, formatFor } from "./format";

export async function getFormat(): Promise<Format> {
  return formatFor(await getLocale(), await getTimeZone());
}
