// Issue 16's webhook delivery, end to end on real processes: a production instance on PostgreSQL
// delivers a vote's event to a local receiver, signed per Standard Webhooks; then, with the
// receiver failing, the instance is killed with SIGKILL between two attempts, and once restarted
// it completes the delivery under the same `webhook-id`, acknowledged exactly once.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { rmSync } from "node:fs";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureBuild } from "../scripts/build-stamp";
import { freePort, healthy, type Instance, kill, startInstance, tokenFor } from "./app-instances";

type Received = { id: string; headers: IncomingHttpHeaders; body: string; answered: number; at: number };

/** A webhook receiver on this machine: records every delivery and answers what the test says. */
function receiver() {
  const received: Received[] = [];
  let answer = 204;
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const id = String(request.headers["webhook-id"]);
      received.push({ id, headers: request.headers, body, answered: answer, at: Date.now() });
      response.writeHead(answer).end();
    });
  });
  return {
    received,
    server,
    answer: (status: number) => void (answer = status),
    listen: () => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve(portOf(server)))),
  };
}

const portOf = (server: Server) => {
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("no port");
  return address.port;
};

async function until<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("webhook delivery through a SIGKILL", () => {
  let databaseUrl: string;
  let admin: pg.Client;
  let instance: Instance | null = null;
  const folders: string[] = [];
  const hooks = receiver();
  const env = () => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE: "1",
    LIGHTGATE_ENCRYPTION_KEY: keys.encryption,
    LIGHTGATE_AUDIT_SIGNING_KEY: keys.audit,
  });
  const keys = { encryption: randomBytes(32).toString("base64"), audit: randomBytes(32).toString("base64") };

  async function boot(port: number) {
    instance = startInstance("webhooks", port, env());
    folders.push(instance.dataDir);
    await healthy(instance);
    return instance;
  }

  beforeAll(async () => {
    ensureBuild();
    admin = new pg.Client({ connectionString: inject("postgresAdminUrl") });
    await admin.connect();
    const name = `webhooks_${Date.now()}`;
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
    const url = new URL(inject("postgresAdminUrl"));
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    await hooks.listen();
  }, 900_000);

  afterAll(async () => {
    if (instance) kill(instance);
    hooks.server.close();
    await admin?.end();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it("delivers a signed vote event, then completes a delivery interrupted mid-retry exactly once", async () => {
    const port = await freePort();
    let app = await boot(port);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // The demo's gate in review and the PM of its project, who registers the endpoint.
      const gate = (
        await db.query(
          "select g.project_id, g.number from gates g where g.status = 'in_review' order by g.number desc limit 1",
        )
      ).rows[0] as { project_id: string; number: number };
      const [pmToken, boardToken] = [await tokenFor("pm2@demo.test", env()), await tokenFor("board@demo.test", env())];
      const api = (path: string, token: string, body: unknown) =>
        fetch(`http://localhost:${port}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const registered = await api("/api/v1/webhooks", pmToken, {
        url: `http://127.0.0.1:${portOf(hooks.server)}/lightgate`,
        events: ["gate.voted"],
        projectId: gate.project_id,
      });
      expect(registered.status).toBe(201);
      const { secret } = (await registered.json()) as { id: string; secret: string };
      expect(secret).toMatch(/^whsec_/);
      const vote = (rationale: string) =>
        api(`/api/v1/projects/${gate.project_id}/gates/${gate.number}/votes`, boardToken, { vote: "go", rationale });

      // 1. A vote reaches the receiver within 15 s, signed with the endpoint's secret.
      const castAt = Date.now();
      expect((await vote("First vote")).status).toBeLessThan(300);
      const first = await until("the first delivery", () => hooks.received[0], 15_000);
      expect(first.at - castAt).toBeLessThan(15_000);
      const payload = new Webhook(secret).verify(first.body, {
        "webhook-id": String(first.headers["webhook-id"]),
        "webhook-timestamp": String(first.headers["webhook-timestamp"]),
        "webhook-signature": String(first.headers["webhook-signature"]),
      }) as { type: string; data: { project: { id: string }; vote: { rationale: string } } };
      expect(payload.type).toBe("gate.voted");
      expect(payload.data.project.id).toBe(gate.project_id);
      expect(payload.data.vote.rationale).toBe("First vote");

      // 2. The receiver fails; after the first failed attempt the instance dies between attempts.
      hooks.answer(503);
      expect((await vote("Second vote")).status).toBeLessThan(300);
      const failed = await until("the failing attempt", () => hooks.received.find((r) => r.answered === 503), 15_000);
      // Let the worker record the failure (the retry is scheduled about 5 s later), then SIGKILL.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      kill(app);
      await new Promise((resolve) => app.child.once("exit", resolve));
      hooks.answer(204);

      // 3. Restarted on the same database, it completes the delivery under the same webhook-id.
      app = await boot(port);
      const completed = await until(
        "the delivery after the restart",
        () => hooks.received.find((r) => r.id === failed.id && r.answered === 204),
        120_000,
      );
      expect(completed.id).toBe(failed.id);
      // Exactly once from the receiver's point of view: each webhook-id acknowledged once.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const acknowledged = hooks.received.filter((r) => r.answered < 300).map((r) => r.id);
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
      expect(acknowledged).toEqual([first.id, failed.id]);
    } finally {
      await db.end();
    }
  }, 600_000);
});
