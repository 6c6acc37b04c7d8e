/**
 * Maps items to async work one at a time, in order: `items.map(async …)` would start every
 * item at once, interleaving writes inside one transaction and losing their order.
 */
export async function inOrder<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) results.push(await work(item, index));
  return results;
}
