"use client";

import { useSyncExternalStore } from "react";

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const noSubscription = () => () => {};

/** A date-time in the reader's own time zone (UTC in the server render, before hydration). */
export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const text = inBrowser
    ? new Date(iso).toLocaleString(undefined, { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })
    : utc(iso);
  return <time dateTime={iso}>{text}</time>;
}
