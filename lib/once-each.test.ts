import { describe, expect, it } from "vitest";
import { onceEach } from "./once-each";

describe("onceEach", () => {
  it("loads each key once, shares a load still running, and tries again after a failure", async () => {
    const calls: string[] = [];
    let fail = true;
    const get = onceEach(async (key: string) => {
      calls.push(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (key === "flaky" && fail) throw new Error("down");
      return key.toUpperCase();
    });
    expect(await Promise.all([get("a"), get("a"), get("b")])).toEqual(["A", "A", "B"]);
    expect(await get("a")).toBe("A");
    await expect(get("flaky")).rejects.toThrow("down");
    fail = false;
    expect(await get("flaky")).toBe("FLAKY");
    expect(await get("flaky")).toBe("FLAKY");
    expect(calls).toEqual(["a", "b", "flaky", "flaky"]);
  });
});
