/**
 * `load` run at most once per key in this process, its value shared by every caller. A rejected
 * load is not kept: the next call for that key tries again.
 *
 * The value is kept, not the promise: a promise keeps the async context it was made in (the first
 * caller's request, its render and its response) for as long as it lives, so a process-long one
 * held that request for the life of the process. (Before lib/immediate-context.ts cut Node's chain
 * of ran `setImmediate`s, it held every request after it too.) A load still running is shared
 * until it settles.
 */
export function onceEach<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const values = new Map<K, V>();
  const loading = new Map<K, Promise<V>>();
  return (key) => {
    if (values.has(key)) return Promise.resolve(values.get(key) as V);
    let pending = loading.get(key);
    if (!pending) {
      pending = load(key).then(
        (value) => {
          values.set(key, value);
          loading.delete(key);
          return value;
        },
        (error: unknown) => {
          loading.delete(key);
          throw error;
        },
      );
      loading.set(key, pending);
    }
    return pending;
  };
}
