// Node 20 leaves a request's async context on every setImmediate that has run, and a ran immediate
// can outlive its request: an Error made in its callback keeps the callback's receiver (the
// immediate) in its unformatted stack, and a ran immediate keeps its `_idleNext` link to every one
// queued after it in the same turn. Next.js makes such an Error on every rendered page (the
// reason of an aborted cache controller, kept by the render), so under load on PostgreSQL each
// kept immediate held a chain of other requests' contexts, with their requests and responses, and
// the server ran out of memory within a minute (nodejs/node#66129).
//
// `releaseContextOfRanImmediates()` wraps the global setImmediate so that an immediate forgets its
// async context (every AsyncLocalStorage's store) and its arguments once its callback has run. The
// callback itself runs unchanged: in its context, with its arguments and receiver, and a throw
// still propagates.

const installed = Symbol.for("lightgate.releaseContextOfRanImmediates");

type Immediate = NodeJS.Immediate & { _argv?: unknown };

/** Drops what an immediate that has run still holds of its caller: its async context and arguments. */
function forgetContext(immediate: Immediate): void {
  const held = immediate as unknown as Record<symbol, unknown>;
  for (const symbol of Object.getOwnPropertySymbols(immediate)) {
    if (symbol.description === "kResourceStore") held[symbol] = undefined;
  }
  immediate._argv = undefined;
}

/** Installs the wrapper once per process; a second call changes nothing. */
export function releaseContextOfRanImmediates(): void {
  const scope = globalThis as typeof globalThis & { [installed]?: true };
  if (scope[installed]) return;
  const original = scope.setImmediate;
  const wrapped = function setImmediate<A extends unknown[]>(callback: (...args: A) => void, ...args: A) {
    if (typeof callback !== "function") return original(callback, ...args);
    const immediate: Immediate = original(
      function (this: unknown, ...received: A) {
        try {
          callback.apply(this, received);
        } finally {
          forgetContext(immediate);
        }
      },
      ...args,
    );
    return immediate;
  };
  // util.promisify(setImmediate) and anything else that reads the original's own properties.
  for (const symbol of Object.getOwnPropertySymbols(original)) {
    Object.defineProperty(wrapped, symbol, Object.getOwnPropertyDescriptor(original, symbol)!);
  }
  scope.setImmediate = wrapped as typeof setImmediate;
  scope[installed] = true;
}
