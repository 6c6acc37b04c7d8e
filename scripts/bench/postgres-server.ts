// `npm run bench:postgres`: a PostgreSQL server for the benchmark on this machine, for as long as
// this command runs (Ctrl-C stops it and deletes its folder). It is the test suite's throw-away
// server (lib/testing/postgres-server.ts: Debian's binaries, a scratch cluster, a free port),
// made durable again: the tests keep their cluster in RAM and turn fsync and synchronous commits
// off, which would flatter PostgreSQL against SQLite's synchronous=FULL on disk. Here the cluster
// is on disk, in the bench's data folder beside the SQLite files. Prints the DATABASE_URL of an
// empty database.
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startPostgresServer } from "@/lib/testing/postgres-server";

const benchDir = path.resolve(process.env.BENCH_DATA_DIR || "bench/.data");
mkdirSync(benchDir, { recursive: true });
const server = await startPostgresServer({ parent: benchDir });
const admin = new pg.Client({ connectionString: server.adminUrl });
await admin.connect();
for (const setting of ["fsync = on", "synchronous_commit = on", "full_page_writes = on"])
  await admin.query(`alter system set ${setting}`);
await admin.query("select pg_reload_conf()");
// A reload is asynchronous; wait until this session sees the durable settings.
for (let attempt = 0; attempt < 50; attempt++) {
  const { rows } = await admin.query<{ fsync: string }>("select current_setting('fsync') as fsync");
  if (rows[0].fsync === "on") break;
  await new Promise((r) => setTimeout(r, 100));
}
const settings = await admin.query<{ name: string; setting: string }>(
  "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', " +
    "'shared_buffers', 'server_version') order by name",
);
await admin.end();
const url = await server.createDatabase();
console.log(
  `PostgreSQL ${server.version} in ${server.folder}: ` + settings.rows.map((r) => `${r.name}=${r.setting}`).join(", "),
);
console.log(`DATABASE_URL=${url}`);
console.log("Running until Ctrl-C.");
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
setInterval(() => undefined, 60_000);
