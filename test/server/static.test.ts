// The server's parsing of what clients and the environment send: ranges, Accept-Encoding, paths, PORT.
import { describe, expect, it } from 'vitest';
import { parseHost, parsePort } from '../../src/server/config';
import { acceptedEncodings, HASHED_ASSET, parseRange, safePath } from '../../src/server/static';

describe('parseRange', () => {
  it('reads one byte range and refuses reversed, malformed or out-of-file ones', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=50-5000', 100)).toEqual({ start: 50, end: 99 });
    for (const bad of [
      'bytes=5-2',
      'bytes=100-',
      'bytes=-0',
      'bytes=-',
      'bytes=a-b',
      'bytes=1-2-3',
      'bytes=99999999999999999999-',
    ])
      expect(parseRange(bad, 100), bad).toBe('unsatisfiable');
    expect(parseRange('bytes=0-0', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,3-4', 100)).toBeNull();
    expect(parseRange('lines=0-1', 100)).toBeNull();
  });
});

describe('acceptedEncodings', () => {
  it('follows q-values and the wildcard', () => {
    expect([...acceptedEncodings('gzip, deflate, br')].sort()).toEqual(['br', 'deflate', 'gzip']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*;q=0')]).toEqual([]);
    expect([...acceptedEncodings('*')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*, gzip;q=0')]).toEqual(['br']);
    expect([...acceptedEncodings('x-gzip')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});

describe('safePath', () => {
  it('decodes the path and refuses traversal, NUL, hidden files and the compressed copies', () => {
    expect(safePath('/')).toEqual({ path: '/index.html' });
    expect(safePath('/?test=1&seed=4')).toEqual({ path: '/index.html' });
    expect(safePath('/assets/a%20b.js#x')).toEqual({ path: '/assets/a b.js' });
    expect(safePath('http://host/assets/x.js')).toEqual({ path: '/assets/x.js' });
    for (const bad of ['/../etc/passwd', '/%2e%2e/x', '/a/./b', '/a%00', '/a%5c..%5cb', '/%E0%A4%A', '*'])
      expect(safePath(bad), bad).toMatchObject({ status: 400 });
    for (const hidden of ['/.git/config', '/index.html.br', '/assets/x.js.gz'])
      expect(safePath(hidden), hidden).toMatchObject({ status: 404 });
    expect(safePath(`/${'x'.repeat(3000)}`)).toMatchObject({ status: 414 });
  });

  it('knows Vite hashed assets from other files', () => {
    for (const hashed of [
      '/assets/index-BGGc_VVt.js',
      '/assets/replay-screen-WrQgIm-B.js',
      '/assets/index-D90z6wal.css',
    ])
      expect(HASHED_ASSET.test(hashed), hashed).toBe(true);
    for (const plain of ['/index.html', '/robots.txt', '/assets/logo.svg', '/assets/sub/dir-12345678.js'])
      expect(HASHED_ASSET.test(plain), plain).toBe(false);
  });
});

describe('parsePort and parseHost', () => {
  it('takes 8080 by default, 0 to 65535, and refuses anything else with a sentence', () => {
    expect(parsePort(undefined)).toEqual({ ok: true, value: 8080 });
    expect(parsePort('')).toEqual({ ok: true, value: 8080 });
    expect(parsePort('3000')).toEqual({ ok: true, value: 3000 });
    expect(parsePort(' 65535 ')).toEqual({ ok: true, value: 65535 });
    expect(parsePort('0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['abc', '70000', '65536', '-1', '80.5', '1e3', '0x50', '808080'])
      expect(parsePort(bad), bad).toMatchObject({
        ok: false,
        message: expect.stringContaining(JSON.stringify(bad)),
      });
    expect(parseHost('127.0.0.1')).toEqual({ ok: true, value: '127.0.0.1' });
    expect(parseHost('[::1]')).toEqual({ ok: true, value: '::1' });
    expect(parseHost('a b')).toMatchObject({ ok: false });
  });
});
