import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "@/messages/catalogue";

/**
 * Hands the client components below it the chosen language's messages: only the namespaces they
 * read. Server components read the whole catalogue on the server; what goes in here is written
 * into the page's HTML for hydration, so each route segment's layout names just what its own
 * client parts read (a provider replaces the one above it for everything it wraps). Handing
 * every page every client namespace put 73 kB of messages into each page's HTML.
 * lib/i18n/route-messages.test.ts derives each segment's list from the code and fails on a
 * namespace missing or one no longer read.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly (keyof Messages)[];
  children: ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  const picked = Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
