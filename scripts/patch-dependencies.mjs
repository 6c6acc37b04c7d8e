// Runs after every `npm ci` / `npm install` (package.json "postinstall"). Plain Node, no
// dependencies: it runs before anything else is usable.
//
// drizzle-orm's `is(value, type)` decides whether a value is a given kind of query part. When the
// fast `instanceof` fails, it walks the value's class chain looking for the kind's symbol, and
// building one query asks it thousands of times, mostly failing: in a profile of the API's write
// paths it was a tenth of the server's time. The answer depends only on the value's class and the
// kind, so this patch remembers it per class. Same answers, same error for a non-entity; the
// benchmark's write paths went from 183-209 to 209-245 requests/s (README, Benchmark).
// lib/dependency-patches.test.ts fails when the installed drizzle-orm lacks the patch.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MARK = "/* lightgate: is() remembers its answer per class (scripts/patch-dependencies.mjs) */";
const ORIGINAL = `  let cls = Object.getPrototypeOf(value).constructor;
  if (cls) {
    while (cls) {
      if (entityKind in cls && cls[entityKind] === type[entityKind]) {
        return true;
      }
      cls = Object.getPrototypeOf(cls);
    }
  }
  return false;
}`;
const PATCHED = `  ${MARK}
  const start = Object.getPrototypeOf(value).constructor;
  if (!start) {
    return false;
  }
  let known = isVerdicts.get(start);
  if (!known) {
    known = new Map();
    isVerdicts.set(start, known);
  }
  const kind = type[entityKind];
  let verdict = known.get(kind);
  if (verdict === undefined) {
    verdict = false;
    for (let cls = start; cls; cls = Object.getPrototypeOf(cls)) {
      if (entityKind in cls && cls[entityKind] === kind) {
        verdict = true;
        break;
      }
    }
    known.set(kind, verdict);
  }
  return verdict;
}
const isVerdicts = new WeakMap();`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../node_modules/drizzle-orm");
if (!existsSync(root)) process.exit(0); // not installed: nothing to patch
for (const name of ["entity.js", "entity.cjs"]) {
  const file = path.join(root, name);
  const source = readFileSync(file, "utf8");
  if (source.includes(MARK)) continue;
  if (!source.includes(ORIGINAL)) {
    console.warn(
      `patch-dependencies: drizzle-orm/${name} is not the code the patch expects (a new version?): ` +
        "left as it is. Check whether the patch is still needed and update scripts/patch-dependencies.mjs.",
    );
    continue;
  }
  writeFileSync(file, source.replace(ORIGINAL, PATCHED));
}
