"use client";

// The poller, fetched once the page runs in the browser: it draws nothing, so nothing waits for
// it. React.lazy rather than next/dynamic, whose loader would add 2 kB (gzip) to the first load.
import { lazy, Suspense, useSyncExternalStore, type ComponentProps } from "react";

const VotePoller = lazy(() => import("./vote-poller"));
const noSubscription = () => () => {};

export function VotePollerLazy(props: ComponentProps<typeof VotePoller>) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return inBrowser ? (
    <Suspense fallback={null}>
      <VotePoller {...props} />
    </Suspense>
  ) : null;
}
