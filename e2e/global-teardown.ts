// Once after the tests: what axe checked, what it cost, and any kind of page no analysis completed for
// (the test left it while axe ran and no later visit came back), so a gap in the checks is visible.
import { ledgerSummary } from "./axe-ledger";

export default function globalTeardown() {
  const { checked, unchecked } = ledgerSummary();
  const seconds = checked.reduce((sum, c) => sum + c.ms, 0) / 1000;
  console.log(`axe: ${checked.length} kinds of page analysed, ${seconds.toFixed(1)} s of analysis.`);
  if (unchecked.length) console.log(`axe: reached but not analysed (left while axe ran):\n  ${unchecked.join("\n  ")}`);
}
