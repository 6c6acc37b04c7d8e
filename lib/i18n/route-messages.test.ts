// Each route segment's layout hands the browser only the namespaces its own client parts read
// (components/client-messages.tsx). This derives what client code reads — every "use client"
// module and, transitively, every module of the app it imports — and compares, per layout: a
// namespace read in the browser but not handed over would show raw keys after hydration; one
// handed over but never read there is weight in every page of that segment.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allClientModules, namespacesRead, ROOT, segmentMessages, sourceOf } from "@/lib/testing/client-reads";
import { loadMessages } from "@/messages/catalogue";

describe("the messages each route segment hands to the browser", () => {
  const modules = allClientModules();
  const segments = segmentMessages();

  it("finds client modules and segments to check (the scan works)", () => {
    expect(modules.size).toBeGreaterThan(50);
    expect([...modules].some((f) => f.endsWith(path.join("components", "shell", "main-nav.tsx")))).toBe(true);
    expect(segments.map((s) => s.layout)).toContain("app/(app)/admin/users/layout.tsx");
    expect(segments.find((s) => s.layout === "app/(app)/layout.tsx")?.read.get("nav")).toContain(
      "components/shell/main-nav.tsx",
    );
  });

  it("never pull the data layer, the database or the catalogue loader into the browser", () => {
    const server = [...modules]
      .map((f) => path.relative(ROOT, f))
      // db/enums.ts is plain constants (the enum values), shared by forms and schema alike.
      .filter((f) => /^(lib\/data|db)\//.test(f) || ["lib/errors.ts", "messages/catalogue.ts"].includes(f))
      .filter((f) => f !== "db/enums.ts");
    expect(server).toEqual([]);
  });

  it("are read only through useTranslations with a literal namespace in client modules", () => {
    const other = [...modules].filter((f) =>
      /useMessages\(|useTranslations\(\s*\)|useTranslations\(\s*[^"'\s)]|createTranslator\(/.test(sourceOf(f)),
    );
    expect(other.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("include, in each segment, every namespace its client modules read", () => {
    const missing = segments.flatMap(({ layout, declared, read }) =>
      [...read.keys()]
        .filter((ns) => !declared.includes(ns))
        .map((ns) => `${layout} lacks ${ns} (read by ${[...new Set(read.get(ns))].join(", ")})`),
    );
    expect(missing).toEqual([]);
  });

  it("include, in each segment, no namespace its client modules do not read", () => {
    const extra = segments.flatMap(({ layout, declared, read }) =>
      declared.filter((ns) => !read.has(ns)).map((ns) => `${layout} hands over ${ns}, read by nothing it serves`),
    );
    expect(extra).toEqual([]);
  });

  it("leave no client module's namespace unserved by any route", () => {
    const served = new Set(segments.flatMap((s) => s.declared));
    const unserved = [...namespacesRead(modules)].filter(([ns]) => !served.has(ns));
    expect(unserved.map(([ns, readers]) => `${ns} (read by ${readers.join(", ")})`)).toEqual([]);
  });

  it("name namespaces of every language's catalogue, a small part of it on every page", async () => {
    // The app shell's segment serves every signed-in page; the dashboard adds nothing to it.
    const shell = segments.find((s) => s.layout === "app/(app)/layout.tsx")!.declared;
    expect(segments.some((s) => s.layout.startsWith("app/(app)/dashboard/"))).toBe(false);
    for (const locale of ["en", "es", "pl"] as const) {
      const messages: Record<string, unknown> = await loadMessages(locale);
      for (const ns of segments.flatMap((s) => s.declared)) expect(messages[ns], `${locale}: ${ns}`).toBeDefined();
      const size = (names: string[]) => JSON.stringify(names.map((ns) => messages[ns])).length;
      expect(size(shell)).toBeLessThan(size(Object.keys(messages)) / 20);
    }
  });
});
