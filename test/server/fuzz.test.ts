// HTTP fuzz against the real server: thousands of seeded random requests (every method, reversed and overlapping
// ranges, long and malformed addresses, traversal, odd headers, raw garbage) while the build is replaced under
// it. Every request gets an HTTP answer from a known set, none is a 500, and the server is still up at the end.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress';
import { http, type Running, startServer } from './helpers';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'MKCOL',
];
const PATHS = [
  '/',
  '/index.html',
  '/healthz',
  '/healthz?verbose=1',
  '/assets/app-AbCd1234.js',
  '/assets/style-Qw12Er34.css',
  '/assets/app-AbCd1234.js.br',
  '/assets/',
  '/assets',
  '/missing',
  '//',
  '/..',
  '/../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/assets/..%2f..%2fpackage.json',
  '/%',
  '/%zz',
  '/%00',
  '/%c0%af',
  '/.env',
  '*',
  'http://example.com/index.html',
  '/?seed=4&test=1',
  '/index.html#frag',
];

async function writeBuild(dir: string, tag: string): Promise<void> {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><title>${tag}</title>${'<p>fixture</p>\n'.repeat(50)}`,
  );
  writeFileSync(join(dir, 'assets/app-AbCd1234.js'), `// ${tag}\n${'export const a = 1;\n'.repeat(3000)}`);
  writeFileSync(
    join(dir, 'assets/style-Qw12Er34.css'),
    `/* ${tag} */\n${'.a { color: red; }\n'.repeat(500)}`,
  );
  await precompressDir(dir);
}

/** One raw request on its own connection; resolves with the status line's code, or '' if the server closed it. */
function raw(port: number, text: string | Buffer): Promise<string> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    socket.setTimeout(30_000, () => {
      socket.destroy();
      done('timeout');
    });
    socket.on('data', (d: Buffer) => {
      if (head.length < 64) head += d.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => done(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1] ?? ''));
    socket.write(text);
  });
}

function randomRequest(rand: () => number): { text: string | Buffer; method: string; garbage: boolean } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const int = (max: number) => Math.floor(rand() * max);
  if (rand() < 0.03) {
    const bytes = Buffer.alloc(1 + int(300));
    for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
    return { text: Buffer.concat([bytes, Buffer.from('\r\n\r\n')]), method: '', garbage: true };
  }
  const method = pick(METHODS);
  let path = pick(PATHS);
  if (rand() < 0.05) path = `/${'a'.repeat(1000 + int(20_000))}`;
  if (rand() < 0.1) path += `?${'q'.repeat(int(5000))}`;
  const headers = ['Host: fuzz', 'Connection: close'];
  if (rand() < 0.6) {
    const num = () => (rand() < 0.1 ? '99999999999999999999999' : String(int(6000)));
    const spec = () => {
      const r = rand();
      if (r < 0.3) return `${num()}-${num()}`;
      if (r < 0.5) return `${num()}-`;
      if (r < 0.7) return `-${num()}`;
      if (r < 0.8) return '-';
      return `${num()}-${num()}-${num()}`;
    };
    const count = 1 + int(3);
    headers.push(
      `Range: ${rand() < 0.9 ? 'bytes' : pick(['items', 'BYTES', ''])}=${Array.from({ length: count }, spec).join(',')}`,
    );
  }
  if (rand() < 0.5)
    headers.push(
      `Accept-Encoding: ${pick(['br', 'gzip', 'br;q=0, gzip', '*', 'identity;q=0', 'gzip;q=abc', 'zstd', ''])}`,
    );
  if (rand() < 0.2) headers.push(`If-None-Match: ${pick(['*', 'W/"x"', '"', ',,,', '"a", W/"b"'])}`);
  if (rand() < 0.2)
    headers.push(`If-Modified-Since: ${pick(['garbage', 'Thu, 01 Jan 2099 00:00:00 GMT', ''])}`);
  if (rand() < 0.2) headers.push(`If-Range: ${pick(['W/"x"', 'Thu, 01 Jan 1970 00:00:00 GMT', 'junk'])}`);
  if (rand() < 0.1) headers.push(`X-Long: ${'v'.repeat(int(20_000))}`);
  let body = '';
  if (['POST', 'PUT', 'PATCH'].includes(method) && rand() < 0.7) {
    body = 'x'.repeat(int(2000));
    headers.push(`Content-Length: ${body.length}`);
  }
  return {
    text: `${method} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`,
    method,
    garbage: false,
  };
}

let dir: string;
let server: Running;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shuttle-fuzz-'));
  await writeBuild(dir, 'first');
  server = await startServer(dir);
}, 120_000);

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTP fuzz', () => {
  it('answers 3,000 random requests with a known status while dist/ is rebuilt, and stays up', async () => {
    const rand = mulberry32(20251206);
    const total = 3000;
    const counts: Record<string, number> = {};
    const unexpected: string[] = [];
    let next = 0;
    let rebuilds = 0;
    const ALLOWED = new Set(['200', '204', '206', '304', '400', '404', '405', '414', '416', '431', '503']);
    const worker = async () => {
      while (next < total) {
        const i = next++;
        if (i > 0 && i % 1000 === 0) {
          // A rebuild under the running server, concurrent with the other workers' requests.
          rmSync(dir, { recursive: true, force: true });
          await writeBuild(dir, `rebuild${i}`);
          rebuilds++;
        }
        const request = randomRequest(rand);
        const status = await raw(server.port, request.text);
        counts[status || 'closed'] = (counts[status || 'closed'] ?? 0) + 1;
        const ok = ALLOWED.has(status) || (request.garbage && status === '');
        if (!ok) unexpected.push(`${status || 'closed'} for ${String(request.text).slice(0, 120)}`);
        if (
          request.method === 'CONNECT' &&
          status !== '405' &&
          status !== '400' &&
          status !== '414' &&
          status !== '431'
        )
          unexpected.push(`CONNECT answered ${status}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(rebuilds).toBe(2);
    expect(unexpected.slice(0, 10)).toEqual([]);
    expect(counts['500']).toBeUndefined();
    // The fuzz reached the file-serving paths, not only the parser's refusals.
    for (const status of ['200', '206', '404', '405', '416'])
      expect(counts[status], status).toBeGreaterThan(0);
    expect(server.child.exitCode).toBeNull();
    const health = await http(server.port, '/healthz');
    expect(health.status).toBe(200);
    expect(server.stderr()).toBe('');
  }, 300_000);
});
