// Starts the real server (src/server/start.ts) as a child process and speaks raw HTTP to it.
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Running {
  child: ChildProcess;
  port: number;
  base: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Sends a signal to the server's PID and waits for it to end. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Runs start.ts in one Node process (no tsx wrapper, so the PID is the server's) with the given environment. */
export function launch(env: Record<string, string>): {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | string>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, COMMIT: '', GIT_COMMIT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | string>((done) => {
    child.on('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
  });
  return { child, out: () => out, err: () => err, exited };
}

/** Starts the server on a free port (PORT=0) on loopback, serving `staticDir`, and waits for it to listen. */
export async function startServer(staticDir: string, timeoutMs = 45_000): Promise<Running> {
  const { child, out, err, exited } = launch({ PORT: '0', HOST: '127.0.0.1', STATIC_DIR: staticDir });
  const deadline = Date.now() + timeoutMs;
  let port = 0;
  while (Date.now() < deadline) {
    const match = /served at http:\/\/127\.0\.0\.1:(\d+)/.exec(out());
    if (match) {
      port = Number(match[1]);
      break;
    }
    if (child.exitCode !== null)
      throw new Error(`the server exited early (${child.exitCode}):\n${out()}\n${err()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!port) {
    if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    throw new Error(`the server did not start:\n${out()}\n${err()}`);
  }
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    stdout: out,
    stderr: err,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(child.pid, signal);
        } catch {
          // already gone
        }
      }
      return exited;
    },
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One raw HTTP request (no decompression, no connection reuse); the path is sent exactly as given. */
export function http(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', fail);
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer to ${options.method ?? 'GET'} ${path}`)));
    req.on('error', fail);
    req.end(options.body);
  });
}
