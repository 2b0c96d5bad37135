// The real server as a child process against a small built client (a fixture directory, precompressed by the
// build's own step): health, ranges, files changing under it, methods, caching, compression, headers, PORT.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from '../../src/server/app';
import { type Answer, http, launch, ROOT, type Running, startServer } from './helpers';

const APP = '/assets/app-AbCd12_-.js';
const STYLE = '/assets/style-Qw12Er34.css';
const BIG = '/assets/big-Zz99Yy88.bin';

function indexHtml(script: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Fixture</title>
    <script type="module" crossorigin src="${script}"></script>
    <link rel="stylesheet" crossorigin href="${STYLE}">
  </head>
  <body>
    <main id="main"><div id="app" data-screen="loading"><p class="loading">Loading the fixture…</p></div></main>
    <noscript>The fixture needs JavaScript to run; this sentence makes the page long enough to compress.</noscript>
  </body>
</html>
`;
}

function appJs(tag: string): string {
  let out = `// fixture bundle ${tag}\n`;
  for (let i = 0; i < 6000; i++)
    out += `export const value${i} = ${JSON.stringify(`${tag}:${(i * 7919) % 1009}`)};\n`;
  return out;
}

let dir: string;
let files: Record<string, Buffer>;
let server: Running;

async function writeBuild(target: string, tag: string, script = APP): Promise<Record<string, Buffer>> {
  const written: Record<string, Buffer> = {
    '/index.html': Buffer.from(indexHtml(script)),
    [script]: Buffer.from(appJs(tag)),
    [STYLE]: Buffer.from(`/* ${tag} */\n${'.party { color: #123456; margin: 0 auto; }\n'.repeat(200)}`),
    [BIG]: randomBytes(8 * 1024 * 1024),
    '/robots.txt': Buffer.from('User-agent: *\nDisallow:\n'),
  };
  mkdirSync(join(target, 'assets'), { recursive: true });
  for (const [path, data] of Object.entries(written)) writeFileSync(join(target, path), data);
  await precompressDir(target);
  return written;
}

const alive = async () => {
  const res = await http(server.port, '/healthz');
  expect(res.status).toBe(200);
  return JSON.parse(res.body.toString()) as Record<string, unknown>;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shuttle-static-'));
  files = await writeBuild(dir, 'one');
  server = await startServer(dir);
}, 120_000);

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

describe('the build step', () => {
  it('writes a brotli and a gzip copy of each text file that decompress to it, and none of binary files', () => {
    for (const path of ['/index.html', APP, STYLE]) {
      const original = readFileSync(join(dir, path));
      expect(brotliDecompressSync(readFileSync(join(dir, `${path}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(dir, `${path}.gz`)))).toEqual(original);
    }
    expect(() => readFileSync(join(dir, `${BIG}.br`))).toThrow();
  });
});

describe('GET /healthz', () => {
  it('says the server is up, its version and how long it has run', async () => {
    const res = await http(server.port, '/healthz');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(res.body.toString());
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(body.ok).toBe(true);
    expect(body.version).toBe(pkg.version);
    expect(body.commit === null || /^[0-9a-f]{7,40}$/.test(body.commit)).toBe(true);
    expect(typeof body.uptime).toBe('number');
    expect(body.uptime).toBeGreaterThanOrEqual(0);
    const head = await http(server.port, '/healthz', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

describe('ranges', () => {
  it('answers a reversed range with 416 and keeps answering', async () => {
    const res = await http(server.port, '/', { headers: { Range: 'bytes=5-2' } });
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${files['/index.html']!.length}`);
    await alive();
    for (const range of [
      'bytes=5-2',
      'bytes=999999999-',
      'bytes=-0',
      'bytes=x-y',
      'bytes=-',
      'bytes=1-2-3',
    ]) {
      expect((await http(server.port, APP, { headers: { Range: range } })).status, range).toBe(416);
    }
    expect(
      (await http(server.port, BIG, { headers: { Range: 'bytes=9-1', 'Accept-Encoding': 'br' } })).status,
    ).toBe(416);
    await alive();
  });

  it('serves a satisfiable range of the file itself, and the whole file for several ranges or other units', async () => {
    const app = files[APP]!;
    const first = await http(server.port, APP, {
      headers: { Range: 'bytes=0-9', 'Accept-Encoding': 'gzip, br' },
    });
    expect(first.status).toBe(206);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers['content-range']).toBe(`bytes 0-9/${app.length}`);
    expect(first.body).toEqual(app.subarray(0, 10));
    const tail = await http(server.port, APP, { headers: { Range: 'bytes=-5' } });
    expect(tail.status).toBe(206);
    expect(tail.body).toEqual(app.subarray(app.length - 5));
    const past = await http(server.port, APP, {
      headers: { Range: `bytes=${app.length - 3}-${app.length + 100}` },
    });
    expect(past.status).toBe(206);
    expect(past.body).toEqual(app.subarray(app.length - 3));
    for (const range of ['bytes=0-1,5-6', 'items=0-1']) {
      const whole = await http(server.port, APP, { headers: { Range: range } });
      expect(whole.status, range).toBe(200);
      expect(whole.body).toEqual(app);
    }
    const stale = await http(server.port, APP, {
      headers: { Range: 'bytes=0-9', 'If-Range': 'W/"not-this"' },
    });
    expect(stale.status).toBe(200);
  });
});

describe('files changing under the running server', () => {
  it('answers 404 for a deleted file, serves its replacement, and survives the whole build being replaced', async () => {
    const js = join(dir, APP);
    unlinkSync(js);
    expect((await http(server.port, APP)).status).toBe(404);
    writeFileSync(js, 'export const replaced = true;\n');
    const replaced = await http(server.port, APP);
    expect(replaced.status).toBe(200);
    // The old brotli copy is older than the new file: the file itself is sent, not the stale copy.
    const negotiated = await http(server.port, APP, { headers: { 'Accept-Encoding': 'br' } });
    expect(negotiated.headers['content-encoding']).toBeUndefined();
    expect(negotiated.body.toString()).toBe('export const replaced = true;\n');

    // A rebuild: the directory is emptied and written again with new hashed names while requests keep coming.
    let stop = false;
    const statuses: number[] = [];
    const hammer = (async () => {
      while (!stop) {
        const paths = ['/', APP, STYLE, '/healthz', '/assets/app-NewHash1.js'];
        const answers = await Promise.all(
          paths.map((p) => http(server.port, p, { headers: { 'Accept-Encoding': 'br, gzip' } })),
        );
        statuses.push(...answers.map((a) => a.status));
      }
    })();
    for (let round = 0; round < 3; round++) {
      rmSync(dir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 30));
      mkdirSync(dir);
      files = await writeBuild(dir, `rebuild${round}`, '/assets/app-NewHash1.js');
    }
    stop = true;
    await hammer;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => [200, 404, 503].includes(s))).toBe(true);
    const index = await http(server.port, '/');
    expect(index.status).toBe(200);
    expect(index.body.toString()).toContain('/assets/app-NewHash1.js');
    expect((await http(server.port, APP)).status).toBe(404);
    const fresh = await http(server.port, '/assets/app-NewHash1.js', {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(brotliDecompressSync(fresh.body).toString()).toContain('rebuild2:');
    await alive();
  }, 120_000);

  it('finishes a download whose file is deleted while it is being sent', async () => {
    const big = files[BIG]!;
    const body = await new Promise<Buffer>((done, fail) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: BIG, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        let deleted = false;
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          if (!deleted) {
            deleted = true;
            unlinkSync(join(dir, BIG));
            res.pause();
            setTimeout(() => res.resume(), 200);
          }
        });
        res.on('end', () => done(Buffer.concat(chunks)));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end();
    });
    expect(body.length).toBe(big.length);
    expect(body.equals(big)).toBe(true);
    expect((await http(server.port, BIG)).status).toBe(404);
  });

  it('reports the missing client in /healthz with 503 and recovers when it is back', async () => {
    const index = join(dir, 'index.html');
    const saved = readFileSync(index);
    unlinkSync(index);
    const down = await http(server.port, '/healthz');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body.toString()).ok).toBe(false);
    writeFileSync(index, saved);
    await alive();
  });
});

describe('methods', () => {
  it('answers POST, PUT, DELETE and PATCH to static paths with 405 and Allow, never with the page', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      for (const path of ['/', '/index.html', STYLE, '/healthz', '/no-such-file']) {
        const res = await http(server.port, path, { method, body: method === 'DELETE' ? undefined : 'x=1' });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD');
        expect(res.body.toString()).not.toContain('<script');
      }
    }
    // CONNECT (a tunnel) is answered too, not dropped.
    const tunnel = await new Promise<string>((done, fail) => {
      const socket = connect(server.port, '127.0.0.1');
      let text = '';
      socket.on('data', (d: Buffer) => {
        text += d.toString();
      });
      socket.on('close', () => done(text));
      socket.on('error', fail);
      socket.write('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n');
    });
    expect(tunnel).toMatch(/^HTTP\/1\.1 405 /);
    expect(tunnel).toContain('Allow: GET, HEAD');
    const options = await http(server.port, '/', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('GET, HEAD');
    const head = await http(server.port, STYLE, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(files[STYLE]!.length);
  });
});

describe('caching', () => {
  it('caches hashed assets for a year as immutable and makes index.html revalidate', async () => {
    const asset = await http(server.port, STYLE);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/robots.txt']) {
      const res = await http(server.port, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
    const etag = String(asset.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await http(server.port, STYLE, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await http(server.port, STYLE, { headers: { 'If-None-Match': 'W/"other"' } })).status).toBe(200);
  });
});

describe('compression', () => {
  const get = (path: string, acceptEncoding?: string) =>
    http(server.port, path, {
      headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
    });

  it('sends the brotli or gzip copy by Accept-Encoding, with Vary, and the file itself otherwise', async () => {
    const style = files[STYLE]!;
    const expectBody = (res: Answer, encoding: string | undefined) => {
      expect(res.status).toBe(200);
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['content-encoding']).toBe(encoding);
      const body =
        encoding === 'br'
          ? brotliDecompressSync(res.body)
          : encoding === 'gzip'
            ? gunzipSync(res.body)
            : res.body;
      expect(body).toEqual(style);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      if (encoding) expect(res.body.length).toBeLessThan(style.length);
    };
    expectBody(await get(STYLE, 'gzip, deflate, br, zstd'), 'br');
    expectBody(await get(STYLE, 'br'), 'br');
    expectBody(await get(STYLE, 'gzip'), 'gzip');
    expectBody(await get(STYLE, 'gzip;q=1.0, br;q=0'), 'gzip');
    expectBody(await get(STYLE, '*'), 'br');
    expectBody(await get(STYLE, '*, br;q=0'), 'gzip');
    expectBody(await get(STYLE, 'identity'), undefined);
    expectBody(await get(STYLE), undefined);
    // Copies differ from the file, so their validators differ too.
    const tags = new Set([
      (await get(STYLE, 'br')).headers.etag,
      (await get(STYLE, 'gzip')).headers.etag,
      (await get(STYLE)).headers.etag,
    ]);
    expect(tags.size).toBe(3);
    // index.html was written again after its copies (the 503 test above): the copies are stale, so the file
    // itself is sent until a build compresses it again.
    const html = await get('/', 'br');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-encoding']).toBeUndefined();
    expect(html.body.toString()).toBe(files['/index.html']!.toString());
    await precompressDir(dir);
    const compressed = await get('/', 'br');
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(compressed.body).toString()).toBe(files['/index.html']!.toString());
  });

  it('never serves the compressed copies, hidden files or paths outside the build by their own names', async () => {
    for (const path of [`${STYLE}.br`, `${STYLE}.gz`, '/index.html.gz', '/.env', '/assets/.hidden']) {
      expect((await http(server.port, path)).status, path).toBe(404);
    }
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/a%00b',
      '/%E0%A4%A',
    ]) {
      const res = await http(server.port, path);
      expect(res.status, path).toBe(400);
      expect(res.body.toString()).not.toContain('shuttle-diplomacy');
    }
    expect((await http(server.port, `/${'a'.repeat(3000)}`)).status).toBe(414);
    await alive();
  });
});

describe('headers and errors', () => {
  it('sends the security headers with every answer', async () => {
    const answers = await Promise.all([
      http(server.port, '/'),
      http(server.port, APP),
      http(server.port, '/healthz'),
      http(server.port, '/no-such-page', { headers: { Accept: 'text/html' } }),
      http(server.port, '/', { method: 'POST' }),
      http(server.port, '/', { headers: { Range: 'bytes=5-2' } }),
      http(server.port, '/%E0%A4%A'),
    ]);
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('answers a missing page with 404: a page with a link home for a browser, a line of text otherwise', async () => {
    const page = await http(server.port, '/no-such-page', {
      headers: { Accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body.toString()).toContain('<a href="/">');
    const text = await http(server.port, '/assets/missing-12345678.js');
    expect(text.status).toBe(404);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});

describe('configuration', () => {
  for (const port of ['abc', '70000', '-1', '80.5']) {
    it(`refuses PORT=${port} with one line on stderr and exit code 2`, async () => {
      const { exited, out, err } = launch({ PORT: port, STATIC_DIR: dir });
      expect(await exited).toBe(2);
      const lines = err().trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^PORT must be a whole number from 1 to 65535/);
      expect(err()).not.toMatch(/\n\s+at /);
      expect(out()).toBe('');
    });
  }

  it('says in one line that a port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const { exited, err } = launch({ PORT: String(port), HOST: '127.0.0.1', STATIC_DIR: dir });
      expect(await exited).toBe(1);
      const lines = err().trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${port}`);
      expect(lines[0]).toContain('already in use');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('stops cleanly on SIGTERM and on SIGINT, finishing a download in progress, exit code 0', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const other = await startServer(dir);
      await http(other.port, '/healthz');
      // A download under way when the signal comes is finished before the process exits.
      writeFileSync(join(dir, BIG), files[BIG]!);
      const size = files[BIG]!.length;
      const received = new Promise<number>((done, fail) => {
        const req = request({ host: '127.0.0.1', port: other.port, path: BIG, agent: false }, (res) => {
          let length = 0;
          let signalled = false;
          res.on('data', (c: Buffer) => {
            length += c.length;
            if (!signalled) {
              signalled = true;
              res.pause();
              process.kill(other.child.pid!, signal);
              setTimeout(() => res.resume(), 300);
            }
          });
          res.on('end', () => done(length));
          res.on('error', fail);
        });
        req.on('error', fail);
        req.end();
      });
      expect(await received).toBe(size);
      expect(await other.exited).toBe(0);
      expect(other.stdout()).toContain(signal);
      expect(other.stderr()).toBe('');
    }
  });
});
