"use client";

import { useFormat } from "@/lib/i18n/use-format";

/** A date-time in the reader's language and time zone, its zone named (as the server rendered it). */
export function LocalTime({ iso }: { iso: string }) {
  const format = useFormat();
  return <time dateTime={iso}>{format.dateTime(iso)}</time>;
}
