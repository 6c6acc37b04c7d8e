// `npm run checks` part: no line of code is wider than Prettier's printWidth. Prettier breaks what
// it can; strings, templates and comments it leaves whole, so those are broken by hand.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const width: number = JSON.parse(readFileSync(".prettierrc.json", "utf8")).printWidth;
const files = execFileSync(
  "git",
  ["ls-files", "-co", "--exclude-standard", "*.ts", "*.tsx", "*.js", "*.mjs", "*.mts"],
  {
    encoding: "utf8",
  },
)
  .split("\n")
  .filter((file) => file && existsSync(file));

const over = files.flatMap((file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, index) => (line.length > width ? [`${file}:${index + 1}: ${line.length} characters`] : [])),
);
if (over.length) {
  console.log(`${over.length} lines are wider than ${width} characters:\n${over.join("\n")}`);
  process.exit(1);
}
console.log(`No line is wider than ${width} characters (${files.length} files).`);
