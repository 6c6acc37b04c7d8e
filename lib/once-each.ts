/**
 * `load` run at most once per key in this process, its promise shared by every caller. A rejected
 * promise is not kept: the next call for that key tries again.
 */
export function onceEach<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const kept = new Map<K, Promise<V>>();
  return (key) => {
    let value = kept.get(key);
    if (!value) {
      value = load(key);
      value.catch(() => kept.delete(key));
      kept.set(key, value);
    }
    return value;
  };
}
