// The HTTP side of the server: GET /healthz, the built client, and the headers every answer carries. Every
// request is answered, whatever goes wrong while answering it; nothing a client sends can stop the process.
import { access } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { STATIC_METHODS, staticFiles } from './static';

/**
 * What the page may load. The app's scripts, stylesheets, worker and chunks all come from this origin; Phaser
 * makes its default textures from data: images and the game log is exported through a blob: link. No inline
 * script, no eval (Zod runs jitless, src/zod-jitless.ts), no plugins, no framing. Style *attributes* are allowed
 * (the party colour swatches of src/ui set `style="background:…"`), but not `<style>` elements: browsers that
 * know style-src-elem refuse inline stylesheets, older ones fall back to style-src.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "style-src-elem 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Browser features the game never uses, denied to it and to anything it might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface AppOptions {
  /** The built client (dist/). */
  staticDir: string;
  version?: string;
  commit?: string;
  /** Seconds since the process started; injected so tests and the server agree on one clock. */
  uptime?: () => number;
  /** Where errors are reported, one line each. */
  log?: (line: string) => void;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** A short answer for a failure: a page with a way back for a browser's navigation, a line of text otherwise. */
function plain(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames())
    if (!(name in lowerSecurity) && name !== 'allow') res.removeHeader(name);
  const html = status === 404 && req.method === 'GET' && /\btext\/html\b/.test(req.headers.accept ?? '');
  const body = html
    ? `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>Not found - Shuttle Diplomacy</title>\n` +
      `<p>${message.replace(/[&<>"]/g, (c) => escapes[c] ?? c)} <a href="/">Open Shuttle Diplomacy</a>.</p></html>\n`
    : `${message}\n`;
  res.statusCode = status;
  res.setHeader('Content-Type', html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}

const lowerSecurity: Record<string, true> = Object.fromEntries(
  Object.keys(SECURITY_HEADERS).map((k) => [k.toLowerCase(), true]),
);

function isHealth(url: string | undefined): boolean {
  const path = (url ?? '').split(/[?#]/)[0];
  return path === '/healthz';
}

/** The request listener for node:http: health, static files, and an answer for every failure. */
export function createApp(options: AppOptions): RequestListener {
  const serveStatic = staticFiles({ root: options.staticDir });
  const log = options.log ?? ((line: string) => console.error(line));
  const uptime = options.uptime ?? (() => process.uptime());
  const index = join(options.staticDir, 'index.html');

  async function health(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const built = await access(index).then(
      () => true,
      () => false,
    );
    const body = JSON.stringify({
      ok: built,
      ...(built ? {} : { error: 'The built client (index.html) is missing; run `npm run build`.' }),
      version: options.version ?? null,
      commit: options.commit ?? null,
      uptime: Math.round(uptime() * 10) / 10,
    });
    res.statusCode = built ? 200 : 503;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', STATIC_METHODS);
      if (method === 'OPTIONS') {
        res.statusCode = 204;
        res.end();
      } else {
        plain(req, res, 405, `${method} is not allowed here; this address answers ${STATIC_METHODS}.`);
      }
      // A body the client sends anyway is read and dropped, so the connection can be reused.
      req.resume();
      return;
    }
    if (isHealth(req.url)) return health(req, res);
    const failure = await serveStatic(req, res);
    if (failure) plain(req, res, failure.status, failure.message);
  }

  return (req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => {});
    handle(req, res).catch((error: unknown) => {
      log(
        `Error answering ${req.method} ${String(req.url).slice(0, 200)}: ${(error as Error)?.message ?? error}`,
      );
      try {
        plain(req, res, 500, 'The server could not answer this request.');
      } catch {
        res.destroy();
      }
    });
  };
}

/**
 * CONNECT (a proxy tunnel) never reaches the request listener; without this Node drops the connection unanswered.
 * It gets a 405 like any other method the server does not serve.
 */
export function refuseTunnels(server: Server): void {
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => {});
    const headers = Object.entries(SECURITY_HEADERS)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${STATIC_METHODS}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`,
    );
  });
}
