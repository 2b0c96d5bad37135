// `npm start`: builds the client if the build is missing or older than its sources, then serves it on PORT (8080)
// with GET /healthz. STATIC_DIR serves another directory as it is (no build); HOST limits the listening address.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, refuseTunnels } from './app';
import { attachClassSockets } from './class-socket';
import { Classroom } from './classroom';
import { parseHost, parsePort } from './config';
import { loadScenarioShelf } from './scenarios';
import { openSqliteStore } from './sqlite-store';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A configuration error: one line on stderr and exit code 2, before anything else happens. */
function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const port = parsePort(process.env.PORT);
if (!port.ok) refuse(port.message);
const host = parseHost(process.env.HOST);
if (!host.ok) refuse(host.message);
const staticDir = process.env.STATIC_DIR ? resolve(process.env.STATIC_DIR) : join(root, 'dist');
if (process.env.STATIC_DIR && !existsSync(staticDir))
  refuse(`STATIC_DIR ${JSON.stringify(process.env.STATIC_DIR)} does not exist.`);
const dataDir = resolve(process.env.DATA_DIR?.trim() || join(root, 'data'));
const aiDelay = process.env.CLASS_AI_DELAY_MS?.trim() ?? '';
if (aiDelay !== '' && !/^\d{1,5}$/.test(aiDelay))
  refuse(`CLASS_AI_DELAY_MS must be a whole number of milliseconds, not ${JSON.stringify(aiDelay)}.`);

/** The server and the CLI are not part of the client build: editing them needs no rebuild. */
const NOT_CLIENT = [join(root, 'src', 'server'), join(root, 'src', 'cli')];

function newest(path: string): number {
  if (!existsSync(path) || NOT_CLIENT.includes(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function needsBuild(): boolean {
  const built = join(staticDir, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    ...[
      'src',
      'assets',
      'public',
      'index.html',
      'vite.config.ts',
      'scripts/precompress.ts',
      'scripts/scenario-modules.ts',
    ].map((p) => newest(join(root, p))),
  );
  return sources > statSync(built).mtimeMs;
}

if (!process.env.STATIC_DIR && needsBuild()) {
  console.log('Building the game…');
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const r = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(r.status ?? 1);
  }
}

function readVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

/** The commit being served: COMMIT or GIT_COMMIT when the deployment sets one, else git's, else unknown. */
function readCommit(): string | undefined {
  const fromEnv = process.env.COMMIT ?? process.env.GIT_COMMIT;
  if (fromEnv && /^[0-9a-f]{7,40}$/i.test(fromEnv)) return fromEnv;
  const r = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 3000,
  });
  const sha = r.status === 0 ? r.stdout.trim() : '';
  return /^[0-9a-f]{7,40}$/.test(sha) ? sha : undefined;
}

// Class sessions: scenarios from assets/scenarios (and the test fixtures with CLASS_TEST_SCENARIOS=1), stored in
// SQLite under DATA_DIR; every session that had not ended is resumed, even after a kill -9.
const shelf = loadScenarioShelf([
  join(root, 'assets', 'scenarios'),
  ...(process.env.CLASS_TEST_SCENARIOS === '1' ? [join(root, 'test', 'fixtures')] : []),
]);
for (const line of shelf.errors) console.error(`A scenario was left out of class sessions: ${line}`);
let store: ReturnType<typeof openSqliteStore>;
try {
  store = openSqliteStore(dataDir);
} catch (error) {
  process.stderr.write(`Cannot open the class store in ${dataDir}: ${(error as Error).message}\n`);
  process.exit(1);
}
const classroom = new Classroom({
  store,
  scenarios: shelf.scenarios,
  ...(aiDelay !== '' ? { aiDelayMs: Number(aiDelay) } : {}),
});

const app = createApp({ staticDir, version: readVersion(), commit: readCommit() });
const server = createServer(app);
refuseTunnels(server);
const sockets = attachClassSockets(server, classroom);

server.on('error', (err: NodeJS.ErrnoException) => {
  if (server.listening) {
    console.error(`Server error: ${err.message}`);
    return;
  }
  const where = `port ${port.value}${host.value ? ` on ${host.value}` : ''}`;
  const line =
    err.code === 'EADDRINUSE'
      ? `Cannot listen on ${where}: it is already in use; set PORT to another port (PORT=8081 npm start).`
      : err.code === 'EACCES'
        ? `Cannot listen on ${where}: permission denied; use a port from 1024 up (PORT=8080 npm start).`
        : err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND'
          ? `Cannot listen on ${where}: HOST is not an address of this machine.`
          : `Cannot listen on ${where}: ${err.message}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
});

/** The addresses other devices on the network can open, for the teacher to give the room. */
function networkAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') out.push(a.address);
  return out;
}

server.listen({ port: port.value, host: host.value }, () => {
  // Only the process that holds the port resumes the stored sessions (a second one on a busy port must not play them).
  const resumed = classroom.restore();
  const actual = (server.address() as AddressInfo).port;
  const lan = host.value && host.value !== '0.0.0.0' && host.value !== '::' ? [] : networkAddresses();
  const local = host.value && lan.length === 0 && host.value !== '::' ? host.value : 'localhost';
  console.log(
    `Shuttle Diplomacy is being served at http://${local.includes(':') ? `[${local}]` : local}:${actual}`,
  );
  for (const address of lan) console.log(`  on this network: http://${address}:${actual}`);
  console.log(`  health: http://${local.includes(':') ? `[${local}]` : local}:${actual}/healthz`);
  console.log(
    `  class sessions stored in ${dataDir}${resumed > 0 ? ` (${resumed} resumed)` : ''}; teachers open /?class=teacher`,
  );
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) {
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: finishing open requests, then stopping.`);
  classroom.shutdown();
  void sockets.close();
  server.close(() => {
    store.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  // Requests still open after five seconds (a stalled download) are cut.
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 5000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => shutdown(signal));
