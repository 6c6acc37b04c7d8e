"use client";
// The reader's formatter in a client component: the language and time zone the server rendered
// with (NextIntlClientProvider passes both), so hydration shows the same text.
import { useLocale, useTimeZone } from "next-intl";
import { useMemo } from "react";
import { type Format, formatFor } from "./format";

export function useFormat(): Format {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  return useMemo(() => formatFor(locale, timeZone), [locale, timeZone]);
}
