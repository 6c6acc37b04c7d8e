import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { releaseContextOfRanImmediates } from "./immediate-context";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const original = globalThis.setImmediate;
const storage = new AsyncLocalStorage<{ request: number[] }>();

/** Runs `count` "requests", each queueing one immediate that makes an Error the test keeps. */
async function requestsKeptBy(schedule: typeof setImmediate, count: number): Promise<number> {
  const kept: Error[] = [];
  const stores: WeakRef<object>[] = [];
  await new Promise<void>((done) => {
    let ran = 0;
    for (let i = 0; i < count; i++) {
      storage.run({ request: new Array(10_000).fill(i) }, () => {
        stores.push(new WeakRef(storage.getStore()!));
        schedule(() => {
          kept.push(new Error("aborted"));
          if (++ran === count) done();
        });
      });
    }
  });
  for (let round = 0; round < 3; round++) {
    gc();
    await new Promise((resolve) => original(resolve));
  }
  expect(kept).toHaveLength(count);
  return stores.filter((store) => store.deref() !== undefined).length;
}

describe("releaseContextOfRanImmediates", () => {
  it("shows the leak it exists for: Node's own setImmediate keeps every request of the turn", async () => {
    expect(await requestsKeptBy(original, 5)).toBe(5);
  });

  it("lets those requests go once their immediates have run", async () => {
    releaseContextOfRanImmediates();
    expect(globalThis.setImmediate).not.toBe(original);
    expect(await requestsKeptBy(globalThis.setImmediate, 5)).toBe(0);
  });

  it("runs the callback as before: in its context, with its arguments and the immediate as receiver", async () => {
    releaseContextOfRanImmediates();
    const seen = await new Promise<{ store: unknown; args: unknown[]; self: unknown; immediate: unknown }>(
      (resolve) => {
        storage.run({ request: [7] }, () => {
          const immediate = setImmediate(
            function (this: unknown, ...args: unknown[]) {
              resolve({ store: storage.getStore(), args, self: this, immediate });
            },
            "a",
            2,
          );
        });
      },
    );
    expect(seen.store).toEqual({ request: [7] });
    expect(seen.args).toEqual(["a", 2]);
    expect(seen.self).toBe(seen.immediate);
  });

  it("installs once, and keeps clearImmediate and util.promisify(setImmediate) working", async () => {
    releaseContextOfRanImmediates();
    const installed = globalThis.setImmediate;
    releaseContextOfRanImmediates();
    expect(globalThis.setImmediate).toBe(installed);
    expect(await promisify(setImmediate)("value")).toBe("value");
    let ran = false;
    clearImmediate(
      setImmediate(() => {
        ran = true;
      }),
    );
    await new Promise((resolve) => original(resolve));
    expect(ran).toBe(false);
  });
});
