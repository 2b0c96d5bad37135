// Browser-test harness: builds once if needed, serves dist/ with `vite preview` (or the game's own server, the one
// `npm start` runs), drives Debian's Chromium.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server did not answer at ${url}:\n${output()}`);
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** Stops the server only (the browser stays): resolves once its process has exited. */
  stopServer(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** `preview` (default): `vite preview`; `start`: the game's server, src/server/start.ts, as `npm start` runs it. */
  server?: 'preview' | 'start';
  /** Extra environment for the game's server (`start` only): DATA_DIR, CLASS_TEST_SCENARIOS, … */
  env?: Record<string, string>;
}

/** Builds dist/ if it is missing (the npm script builds first), starts a server and a browser. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(ROOT, 'dist/index.html'))) {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const port = await freePort();
  let log = '';
  const child =
    options.server === 'start'
      ? // One Node process (no tsx wrapper), so its PID is the server's.
        spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
          cwd: ROOT,
          // The build the test command made, served as it is: the server would rebuild dist/ under the other test
          // files if a source were edited while the tests run.
          env: {
            ...process.env,
            STATIC_DIR: join(ROOT, 'dist'),
            ...options.env,
            PORT: String(port),
            HOST: '127.0.0.1',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: false,
        })
      : spawn(
          join(ROOT, 'node_modules/.bin/vite'),
          ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
          { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: false },
        );
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stopServer = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  try {
    await waitForServer(baseUrl, child, () => log);
  } catch (error) {
    stopServer();
    throw error;
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    baseUrl,
    browser,
    stopServer: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolveStop();
          return;
        }
        child.once('exit', () => resolveStop());
        stopServer();
      }),
    async close() {
      await browser.close().catch(() => {});
      stopServer();
    },
  };
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context (fresh storage) and page that records console and page errors. */
export async function openPage(h: Harness, viewport = { width: 1280, height: 800 }): Promise<TestPage> {
  const context = await h.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  return { context, page, errors, close: () => context.close() };
}

export function screenshotPath(name: string): string {
  return join(SCREENSHOTS, `${name}.png`);
}
