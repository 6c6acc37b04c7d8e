// Once before the tests: a fresh axe ledger, so this run checks every kind of page itself.
import { startLedger } from "./axe-ledger";

export default function globalSetup() {
  startLedger();
}
