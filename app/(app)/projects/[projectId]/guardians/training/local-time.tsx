"use client";

import { useSyncExternalStore } from "react";
import { browserTimeZone, formatDateTime } from "@/lib/display-format";

const noSubscription = () => () => {};

/** A date-time in the reader's own time zone, its zone named (UTC in the server render, before hydration). */
export function LocalTime({ iso }: { iso: string }) {
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "UTC");
  return <time dateTime={iso}>{formatDateTime(iso, { timeZone })}</time>;
}
