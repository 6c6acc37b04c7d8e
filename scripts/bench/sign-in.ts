// Signs in through Auth.js's credentials endpoint (CSRF token first), returning the Cookie header.
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

export async function sessionCookie(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  // Read to its end: a body left unread is aborted when its connection is reused or collected,
  // and the server logs the aborted request ("Error: aborted", ECONNRESET) in the middle of the run.
  await response.arrayBuffer();
  const session = cookiesOf(response).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Sign-in as ${email} failed (status ${response.status})`);
  return session;
}
