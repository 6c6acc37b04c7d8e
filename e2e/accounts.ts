// The demo accounts the tests sign in as (see db/seed/accounts.ts), and where their sessions are kept.
export const DEMO_PASSWORD = "lightgate-demo";

export const ACCOUNTS = {
  admin: "admin@demo.test",
  pm: "pm@demo.test",
  board: "board@demo.test",
  engineer: "engineer@demo.test",
  integrator: "integrator@demo.test",
  owner: "owner@demo.test",
  guardian: "guardian@demo.test",
  viewer: "viewer@demo.test",
  otherViewer: "viewer@other.demo.test",
} as const;

/** Accounts with two-factor sign-in in the demo, and their authenticator keys (e2e/two-factor-codes.ts). */
export const AUTHENTICATOR_KEYS: Partial<Record<string, string>> = {
  "admin@demo.test": "LIGHTGATEDEMOADMINTOTPKEY2345672",
};

export type AccountKey = keyof typeof ACCOUNTS;

export const storageStateOf = (account: AccountKey) => `e2e/.auth/${process.env.E2E_PORT || 3100}-${account}.json`;
