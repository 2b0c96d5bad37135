// Serves the built client from a directory: GET and HEAD only, precompressed copies chosen by Accept-Encoding,
// long-lived caching for hashed assets, validators, byte ranges. Every file is opened and measured on each
// request (no listing cached at start), so a rebuild of the directory under a running server never breaks it.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { pipeline } from 'node:stream';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
};

/** Files Vite names `<name>-<hash>.<ext>` under assets/: their content never changes under that name. */
export const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const STATIC_METHODS = 'GET, HEAD';

/** What the handler answers besides files: the caller adds the common headers and writes the body. */
export type Failure = { status: 400 | 404 | 405 | 414; message: string };

const MAX_PATH = 2048;
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The request path decoded and checked: no traversal, no NUL, no hidden or precompressed files. */
export function safePath(rawUrl: string): { path: string } | Failure {
  if (rawUrl.length > MAX_PATH) return { status: 414, message: 'The address is too long.' };
  let target = rawUrl;
  if (!target.startsWith('/')) {
    // absolute-form (a proxy's "GET http://host/path") is allowed; "*" and anything else are not paths
    try {
      target = new URL(target).pathname;
    } catch {
      return { status: 400, message: 'The address is not a path.' };
    }
  }
  const end = target.search(/[?#]/);
  const encoded = end < 0 ? target : target.slice(0, end);
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    return { status: 400, message: 'The address is not valid percent-encoding.' };
  }
  if (path.includes('\0') || path.includes('\\'))
    return { status: 400, message: 'The address is not valid.' };
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.'))
    return { status: 400, message: 'The address is not valid.' };
  if (segments.some((s) => s.startsWith('.')))
    return { status: 404, message: 'There is nothing at this address.' };
  if (/\.(?:br|gz)$/i.test(path)) return { status: 404, message: 'There is nothing at this address.' };
  if (path.endsWith('/')) path += 'index.html';
  return { path };
}

/** The encodings the client accepts, by Accept-Encoding and its q-values (RFC 9110, 12.5.3). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  if (!header) return accepted;
  let star = false;
  const refused = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    const ok = Number.isFinite(weight) && weight > 0;
    if (name === '*') star = ok;
    else if (ok) accepted.add(name === 'x-gzip' ? 'gzip' : name);
    else refused.add(name);
  }
  if (star) for (const e of ENCODINGS) if (!refused.has(e.name)) accepted.add(e.name);
  return accepted;
}

export type Range = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * One byte range of a `size`-byte file: null when the header is absent, names another unit or several ranges
 * (then the whole file is sent, as RFC 9110 allows), 'unsatisfiable' when it is malformed, reversed or
 * starts past the end.
 */
export function parseRange(header: string | undefined, size: number): Range {
  if (header === undefined) return null;
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return null;
  const specs = (match[1] ?? '').split(',');
  if (specs.length !== 1) return null;
  const spec = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(specs[0] ?? '');
  if (!spec) return 'unsatisfiable';
  const [, first = '', last = ''] = spec;
  if (first === '' && last === '') return 'unsatisfiable';
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start || start >= size)
    return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

async function openFile(path: string): Promise<{ handle: FileHandle; size: number; mtime: Date } | null> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const st = await handle.stat();
    if (!st.isFile()) {
      await handle.close();
      return null;
    }
    return { handle, size: st.size, mtime: st.mtime };
  } catch {
    await handle?.close().catch(() => {});
    return null;
  }
}

function etagOf(size: number, mtime: Date, encoding: string | null): string {
  return `W/"${size.toString(16)}-${Math.floor(mtime.getTime()).toString(16)}${encoding ? `-${encoding}` : ''}"`;
}

function fresh(req: IncomingMessage, etag: string, mtime: Date): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const strip = (t: string) => t.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((t) => strip(t) === strip(etag));
  }
  const ims = req.headers['if-modified-since'];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

export interface StaticOptions {
  /** The directory to serve (the Vite build). */
  root: string;
}

/**
 * Returns a handler that answers a GET or HEAD for a file under `root`, or returns a Failure for the caller to
 * answer (404, bad address). It never throws for a missing, vanished or replaced file; a read error after the
 * headers are sent ends that response only.
 */
export function staticFiles({ root }: StaticOptions) {
  const base = root.endsWith(sep) ? root : root + sep;
  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<Failure | null> {
    const checked = safePath(req.url ?? '/');
    if ('status' in checked) return checked;
    const urlPath = checked.path;
    const file = join(base, urlPath);
    if (!file.startsWith(base)) return { status: 400, message: 'The address is not valid.' };

    const identity = await openFile(file);
    if (!identity) return { status: 404, message: 'There is nothing at this address.' };

    // A precompressed copy is used only when it is at least as new as the file it compresses (a rebuild in
    // progress may have written the file but not yet its copies).
    const rangeHeader = req.headers.range;
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    let chosen = identity;
    let encoding: string | null = null;
    if (rangeHeader === undefined) {
      for (const e of ENCODINGS) {
        if (!accepted.has(e.name)) continue;
        const variant = await openFile(file + e.suffix);
        if (variant && variant.mtime.getTime() >= identity.mtime.getTime()) {
          chosen = variant;
          encoding = e.name;
          break;
        }
        await variant?.handle.close().catch(() => {});
      }
      if (chosen !== identity) await identity.handle.close().catch(() => {});
    }

    const hashed = HASHED_ASSET.test(urlPath);
    const etag = etagOf(chosen.size, chosen.mtime, encoding);
    res.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', hashed ? IMMUTABLE : REVALIDATE);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', chosen.mtime.toUTCString());
    res.setHeader('Accept-Ranges', 'bytes');
    if (encoding) res.setHeader('Content-Encoding', encoding);

    if (fresh(req, etag, chosen.mtime)) {
      await chosen.handle.close().catch(() => {});
      res.statusCode = 304;
      res.end();
      return null;
    }

    let start = 0;
    let end = chosen.size - 1;
    const ifRangeHeader = req.headers['if-range'];
    const ifRange = Array.isArray(ifRangeHeader) ? ifRangeHeader[0] : ifRangeHeader;
    const rangeApplies =
      rangeHeader !== undefined &&
      (ifRange === undefined || ifRange.trim() === etag || ifRange.trim() === chosen.mtime.toUTCString());
    const range = rangeApplies ? parseRange(rangeHeader, chosen.size) : null;
    if (range === 'unsatisfiable') {
      await chosen.handle.close().catch(() => {});
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${chosen.size}`);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.removeHeader('ETag');
      res.removeHeader('Last-Modified');
      const body = 'The requested range cannot be served.\n';
      res.setHeader('Content-Length', Buffer.byteLength(body));
      res.end(req.method === 'HEAD' ? undefined : body);
      return null;
    }
    if (range) {
      start = range.start;
      end = range.end;
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${chosen.size}`);
    } else {
      res.statusCode = 200;
    }
    const length = Math.max(0, end - start + 1);
    res.setHeader('Content-Length', length);
    if (req.method === 'HEAD' || length === 0) {
      await chosen.handle.close().catch(() => {});
      res.end();
      return null;
    }
    // The open handle keeps the file readable even if a rebuild deletes or replaces it meanwhile.
    const stream = chosen.handle.createReadStream({ start, end, autoClose: true });
    await new Promise<void>((resolve) => {
      pipeline(stream, res, (err) => {
        if (err && !res.destroyed) res.destroy();
        resolve();
      });
    });
    return null;
  };
}
