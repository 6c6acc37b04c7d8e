// Two app instances on one PostgreSQL database behave as one (issue 12, point 4): they start
// together on an empty database (one migrates, one seeds), take concurrent votes and artifact
// versions, and one is killed with SIGKILL mid-write. Every acknowledged write must be there,
// the audit chain must verify, and the survivor must answer no 5xx. Needs the production build
// (`npm test` runs this after the end-to-end tests, which build it).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { rmSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureBuild } from "../scripts/build-stamp";
import { freePort, healthy, type Instance, kill, startInstance, tokenFor as tokenOf } from "./app-instances";

const run = promisify(execFile);

describe("two instances on one PostgreSQL database", () => {
  let databaseUrl: string;
  let admin: pg.Client;
  const instances: Instance[] = [];
  const folders: string[] = [];

  // Every instance (and the commands run beside them) holds the same keys, as docs/deploy.md asks:
  // uploads sealed by one are opened by the other, and one key signs the audit chain's heads.
  const sharedKeys = {
    LIGHTGATE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    LIGHTGATE_AUDIT_SIGNING_KEY: randomBytes(32).toString("base64"),
  };
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    ...sharedKeys,
    ...extra,
  });

  const start = (name: string, port: number) => {
    const instance = startInstance(name, port, env());
    folders.push(instance.dataDir);
    return instance;
  };
  const tokenFor = (email: string) => tokenOf(email, env());

  beforeAll(async () => {
    // Built once here (a no-op after the e2e tests): two instances must not both start a build.
    ensureBuild();
    const adminUrl = inject("postgresAdminUrl");
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const name = `multi_${Date.now()}`;
    // An empty database: both instances find it unmigrated and unseeded at the same moment.
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const [portA, portB] = [await freePort(), await freePort()];
    instances.push(start("a", portA), start("b", portB));
    await Promise.all(instances.map(healthy));
  }, 900_000);

  afterAll(async () => {
    for (const instance of instances) kill(instance);
    await admin?.end();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it(
    "migrate and seed once, then keep every acknowledged " + "write through a SIGKILL, on one unbroken audit chain",
    async () => {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        const migrations = await db.query("select count(*)::int as n from drizzle.__drizzle_migrations");
        expect(migrations.rows[0].n).toBeGreaterThan(0);
        const seeded = await db.query("select count(*)::int as n from users where email = 'pm@demo.test'");
        expect(seeded.rows[0].n).toBe(1); // seeded once, not twice
        const outputs = instances.map((i) => i.output.join(""));
        const seededHere = outputs.filter(
          (out) => out.includes("Seeding the demo portfolio") && !out.includes("Another instance seeded it first"),
        );
        expect(seededHere).toHaveLength(1);

        // The demo's gate in review (Meridian prepaid, gate 6), its artifacts, and two board members' tokens.
        const gate = (
          await db.query(
            "select g.project_id, g.number from gates g where g.status = 'in_review' order by g.number desc limit 1",
          )
        ).rows[0] as { project_id: string; number: number };
        const artifactIds = (
          await db.query(
            "select id from artifacts where gate_id = (select id from gates where project_id = $1 and number = $2)",
            [gate.project_id, gate.number],
          )
        ).rows.map((r) => r.id as string);
        const [pmToken, boardToken] = [await tokenFor("pm2@demo.test"), await tokenFor("board@demo.test")];
        const base = `/api/v1/projects/${gate.project_id}`;

        const acknowledgedVersions: string[] = [];
        const survivorStatuses: number[] = [];
        let lastVote: string | null = null;
        const post = async (instance: Instance, token: string, url: string, body: unknown) => {
          const response = await fetch(`http://localhost:${instance.port}${url}`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify(body),
          });
          if (instance.name === "b") survivorStatuses.push(response.status);
          return response;
        };
        const write = async (instance: Instance, i: number) => {
          try {
            const artifactId = artifactIds[i % artifactIds.length];
            const version = await post(instance, pmToken, `${base}/artifacts/${artifactId}/versions`, {
              markdown: `# Version from ${instance.name}, write ${i}`,
            });
            if (version.status === 201)
              acknowledgedVersions.push(((await version.json()) as { version: { id: string } }).version.id);
            const vote = i % 2 === 0 ? "go" : "hold";
            const voted = await post(instance, boardToken, `${base}/gates/${gate.number}/votes`, {
              vote,
              rationale: `Write ${i} via ${instance.name}`,
            });
            if (voted.ok) lastVote = `Write ${i} via ${instance.name}`;
          } catch {
            // the killed instance's connection dropped: not acknowledged
          }
        };

        // Concurrent writes through both instances; instance A is killed while its requests are in flight.
        const rounds: Promise<void>[] = [];
        for (let i = 0; i < 24; i++) {
          rounds.push(write(instances[0], i), write(instances[1], i + 100));
          if (i === 12) kill(instances[0]);
        }
        await Promise.all(rounds);
        await expect(fetch(`http://localhost:${instances[0].port}/api/health`)).rejects.toThrow();
        for (let i = 200; i < 206; i++) await write(instances[1], i);

        expect(survivorStatuses.length).toBeGreaterThan(0);
        expect(survivorStatuses.filter((status) => status >= 500)).toEqual([]);
        expect(acknowledgedVersions.length).toBeGreaterThan(10);
        const stored = await db.query("select id from artifact_versions where id = any($1)", [acknowledgedVersions]);
        expect(stored.rowCount).toBe(acknowledgedVersions.length);
        if (lastVote) {
          const rationales = (
            await db.query("select rationale from gate_votes where rationale like 'Write %'")
          ).rows.map((r) => r.rationale);
          expect(rationales).toContain(lastVote);
        }
      } finally {
        await db.end();
      }

      const verify = await run(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { env: env() });
      expect(verify.stdout).toMatch(/Audit chain verified: \d+ events/);
    },
    180_000,
  );

  it("drains on SIGTERM: refuses new connections, answers the write in flight, keeps it, then exits 143", async () => {
    const survivor = instances[1];
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const artifact = (
        await db.query(
          "select a.id, g.project_id from artifacts a join gates g on g.id = a.gate_id where g.status = " +
            "'in_review' limit 1",
        )
      ).rows[0] as { id: string; project_id: string };
      const token = await tokenFor("pm2@demo.test");
      const exited = new Promise<number | null>((resolve) => survivor.child.once("exit", (code) => resolve(code)));

      // A write whose body is still arriving when the signal comes: the request is in flight.
      const body = JSON.stringify({ markdown: "# Sent while the instance was stopping" });
      const slow = request({
        host: "localhost",
        port: survivor.port,
        method: "POST",
        path: `/api/v1/projects/${artifact.project_id}/artifacts/${artifact.id}/versions`,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        slow.on("response", (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        slow.on("error", reject);
      });
      slow.write(body.slice(0, 10));
      await new Promise((resolve) => setTimeout(resolve, 500));
      // To the instance's own process (demo.ts), as a process manager would: it passes it on to `next start`.
      process.kill(survivor.child.pid!, "SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await expect(fetch(`http://localhost:${survivor.port}/api/health`)).rejects.toThrow();

      slow.end(body.slice(10));
      const answer = await answered;
      expect(answer.status).toBe(201);
      const versionId = (JSON.parse(answer.body) as { version: { id: string } }).version.id;
      // 143 is `next start`'s own exit after SIGTERM; a server stuck past the drain limit would be killed (137).
      expect(await exited).toBe(143);
      expect(survivor.output.join("")).toContain("SIGTERM: finishing the requests in flight");
      const stored = await db.query("select markdown from artifact_versions where id = $1", [versionId]);
      expect(stored.rows[0]?.markdown).toBe("# Sent while the instance was stopping");
    } finally {
      await db.end();
    }
  }, 120_000);
});
