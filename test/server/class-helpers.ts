// Class-session test helpers: an in-process server (the game's HTTP app with socket.io on it) and socket clients.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { parse } from 'yaml';
import { type Scenario, ScenarioSchema } from '../../src/scenario/schema';
import { createApp } from '../../src/server/app';
import { attachClassSockets, type ClassSockets } from '../../src/server/class-socket';
import { Classroom } from '../../src/server/classroom';
import { openSqliteStore } from '../../src/server/sqlite-store';
import type { ClassStore } from '../../src/server/store';
import { ROOT } from './helpers';

export function fixtureScenario(name = 'tram-line.yaml'): Scenario {
  return ScenarioSchema.parse(parse(readFileSync(join(ROOT, 'test/fixtures', name), 'utf8')));
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shuttle-class-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface InProcessServer {
  url: string;
  http: Server;
  classroom: Classroom;
  store: ClassStore;
  sockets: ClassSockets;
  close(): Promise<void>;
}

export async function startClassServer(
  dataDir: string,
  scenarios: Scenario[],
  options: { aiDelayMs?: number; snapshotEvery?: number; rate?: { perSecond: number; burst: number } } = {},
): Promise<InProcessServer> {
  const store = openSqliteStore(dataDir);
  const classroom = new Classroom({
    store,
    scenarios: new Map(scenarios.map((s) => [s.meta.id, s])),
    aiDelayMs: options.aiDelayMs ?? 0,
    snapshotEvery: options.snapshotEvery ?? 25,
    log: () => {},
  });
  classroom.restore();
  const http = createServer(createApp({ staticDir: join(ROOT, 'test/fixtures'), log: () => {} }));
  const sockets = attachClassSockets(http, classroom, {
    dashboardEveryMs: 20,
    ...(options.rate ? { rate: options.rate } : {}),
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    http,
    classroom,
    store,
    sockets,
    async close() {
      classroom.shutdown();
      await sockets.close();
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
      store.close();
    },
  };
}

/** What the server answers: loosely typed, as tests read into any result. */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers of every message type
type Loose = any;

export interface TestClient {
  socket: Socket;
  /** Every message the server pushed, as received. */
  pushed: unknown[];
  /** Every answer received, as JSON text. */
  answers: string[];
  send(
    message: Record<string, unknown>,
  ): Promise<{ ok: boolean; result?: Loose; error?: { code: string; message: string; detail?: string } }>;
  raw(event: string, ...args: unknown[]): Promise<Loose>;
  close(): void;
}

export async function client(url: string): Promise<TestClient> {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  const pushed: unknown[] = [];
  const answers: string[] = [];
  socket.on('s2c', (m: unknown) => pushed.push(m));
  await new Promise<void>((done, fail) => {
    socket.once('connect', () => done());
    socket.once('connect_error', fail);
  });
  const raw = (event: string, ...args: unknown[]) =>
    new Promise<Loose>((done) => {
      socket.emit(event, ...args, (reply: unknown) => {
        answers.push(JSON.stringify(reply));
        done(reply);
      });
    });
  return {
    socket,
    pushed,
    answers,
    send: (message) => raw('c2s', { v: 1, ...message }),
    raw,
    close: () => socket.close(),
  };
}

export function briefSentences(scenario: Scenario, party: string): string[] {
  const p = scenario.profiles[party];
  if (!p) return [];
  return [
    p.brief.summary,
    ...p.brief.interests,
    p.brief.instructions,
    ...p.redLines.map((r) => r.description),
  ];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}
