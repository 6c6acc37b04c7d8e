// A real OpenID provider for the end-to-end tests (the `oidc-provider` package): discovery, signed id
// tokens, PKCE, userinfo. scripts/e2e-server.ts starts it on a free port before the app and hands
// the app its issuer and client. Its login and consent pages are our own small forms (the package's
// development pages have unlabelled fields, and every page a spec opens is checked with axe).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const TEST_CLIENT_ID = "lightgate-e2e";
export const TEST_CLIENT_SECRET = "lightgate-e2e-client-secret-not-for-production";
export const TEST_PROVIDER_NAME = "Test ID";

/** Who can sign in at the provider: one matching a demo account, one unknown, one unverified. */
export const TEST_IDENTITIES: Record<string, { name: string; email: string; verified: boolean }> = {
  "pm@demo.test": { name: "Paula Martins", email: "pm@demo.test", verified: true },
  "stranger@nowhere.test": { name: "Sam Stranger", email: "stranger@nowhere.test", verified: true },
  "unverified@demo.test": { name: "Una Verified", email: "guardian@demo.test", verified: false },
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
  `<body style="font-family:sans-serif;max-width:24rem;margin:3rem auto"><main><h1>${escape(title)}</h1>` +
  `${body}</main></body></html>`;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/** Starts the provider; `appUrl` is where the app runs, whose callback is the only redirect allowed. */
export async function startOidcProvider(appUrl: string, port = 0) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [`${appUrl}/api/auth/callback/sso`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["lightgate-e2e-provider-cookie-key"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const identity = TEST_IDENTITIES[id];
      if (!identity) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: identity.email,
          email_verified: identity.verified,
          name: identity.name,
        }),
      };
    },
  });
  // The test server speaks plain HTTP on localhost; oidc-provider would otherwise refuse the cookies.
  provider.proxy = true;
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    if (req.method === "POST" && action === "login") {
      const form = await readForm(req);
      const login = form.get("login") ?? "";
      if (!TEST_IDENTITIES[login]) {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(page("Test ID sign-in", `<p role="alert">Unknown test identity.</p>${loginForm(uid)}`));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
    if (req.method === "POST" && action === "confirm") {
      const { prompt, params, session } = details;
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
      const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant!.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    res.writeHead(200, { "content-type": "text/html" });
    if (details.prompt.name === "login") {
      res.end(page("Test ID sign-in", loginForm(uid)));
    } else {
      res.end(
        page(
          "Test ID consent",
          `<p>Lightgate asks for your email address and name.</p>` +
            `<form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>`,
        ),
      );
    }
  }

  const loginForm = (uid: string) =>
    `<form method="post" action="/interaction/${uid}/login">` +
    `<p><label for="login">Test identity email</label><br><input id="login" name="login" type="email" required></p>` +
    `<p><button type="submit">Sign in at Test ID</button></p></form>`;

  server.on("request", (req, res) => {
    const match = /^\/interaction\/([^/?]+)(?:\/(login|confirm))?/.exec(req.url ?? "");
    if (!match) {
      void callback(req, res);
      return;
    }
    interaction(req, res, match[1], match[2]).catch((error: unknown) => {
      res.writeHead(400, { "content-type": "text/html" });
      res.end(page("Test ID error", `<p>${escape(String(error))}</p>`));
    });
  });
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
