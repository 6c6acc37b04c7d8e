// The headers every answer carries (a page, an API answer, a file download), and the ones that
// appear only behind HTTPS: HSTS and Secure cookies, when the TLS-terminating proxy says so.
import { expect, request as playwrightRequest, test, type APIResponse } from "./fixtures";
import { DEMO_PASSWORD, storageStateOf } from "./accounts";
import { createProject } from "./projects-api";

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
  // Plain HTTP here: a browser told to use HTTPS only could not reach this server again.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test.describe("security headers", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("a page, an API answer and a download carry them all, with no inline script allowed", async ({ request }) => {
    const page = await request.get("/projects");
    expect(page.status()).toBe(200);
    expectCommonHeaders(page);
    const csp = page.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // A fresh nonce per request.
    const again = (await request.get("/projects")).headers()["content-security-policy"];
    expect(again.match(/nonce-([^']+)/)![1]).not.toBe(csp.match(/nonce-([^']+)/)![1]);

    const api = await request.get("/api/v1/projects");
    expect(api.status()).toBe(200);
    expectCommonHeaders(api);
    expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");

    const { id: projectId } = await createProject(request, "E2E headers");
    const gates = (await (await request.get(`/api/v1/projects/${projectId}/gates`)).json()).items;
    const artifact = gates.find((g: { number: number }) => g.number === 7).artifacts[0];
    const upload = await request.post(`/api/v1/projects/${projectId}/artifacts/${artifact.id}/versions`, {
      multipart: { file: { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("kick-off notes\n") } },
    });
    expect(upload.status()).toBe(201);
    const versionId = (await upload.json()).version.id as string;
    const download = await request.get(
      `/api/v1/projects/${projectId}/artifacts/${artifact.id}/versions/${versionId}/file`,
    );
    expect(download.status()).toBe(200);
    expectCommonHeaders(download);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect((await download.body()).toString()).toBe("kick-off notes\n");
  });

  test("behind HTTPS: HSTS on pages and API answers, and the session cookie is Secure", async ({ baseURL }) => {
    const https = { "x-forwarded-proto": "https" };
    const anonymous = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: https });
    const signInPage = await anonymous.get("/sign-in");
    expect(signInPage.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    const api = await anonymous.get("/api/health");
    expect(api.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");

    const csrf = await anonymous.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signedIn = await anonymous.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "viewer@demo.test", password: DEMO_PASSWORD, callbackUrl: "/projects" },
      maxRedirects: 0,
    });
    expect(signedIn.status()).toBe(302);
    const cookies = signedIn.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
    const session = cookies.find((c) => /session-token=/.test(c.value));
    expect(session?.value).toMatch(/^__Secure-authjs\.session-token=/);
    expect(session?.value).toMatch(/;\s*Secure/i);
    expect(session?.value).toMatch(/;\s*HttpOnly/i);
    await anonymous.dispose();
  });
});
