// The app's icons (public/icons/) are the ones scripts/make-icons.ts draws, valid PNGs of the sizes their names say.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, ICON_DIR, iconFiles, iconSvg, rasterise } from '../../scripts/make-icons';

/** Width, height, colour type and the decoded RGBA rows of a PNG written by encodePng (one IDAT, filter 0). */
function readPng(data: Buffer): { width: number; height: number; colorType: number; pixels: Buffer } {
  expect(data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let at = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (at < data.length) {
    const len = data.readUInt32BE(at);
    const type = data.subarray(at + 4, at + 8).toString('ascii');
    const body = data.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9] ?? -1;
    }
    if (type === 'IDAT') idat.push(body);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    raw.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, colorType, pixels };
}

describe('app icons', () => {
  it('are committed as scripts/make-icons.ts draws them', () => {
    for (const [name, data] of iconFiles()) {
      expect(readFileSync(join(ICON_DIR, name)).equals(data), `public/icons/${name} is stale`).toBe(true);
    }
  }, 120_000);

  it('are RGBA PNGs of the size in their names; the maskable one fills its square, the other has round corners', () => {
    for (const [name, data] of iconFiles()) {
      const size = Number(/-(\d+)\.png$/.exec(name)?.[1] ?? Number.NaN);
      if (!name.endsWith('.png')) continue;
      const png = readPng(data);
      expect([png.width, png.height, png.colorType]).toEqual([size, size, 6]);
      const corner = png.pixels[3];
      const centre = png.pixels[((size / 2) * size + size / 2) * 4 + 3];
      expect(centre).toBe(255);
      if (name.startsWith('maskable') || name.startsWith('apple')) expect(corner).toBe(255);
      else expect(corner).toBe(0);
    }
  }, 120_000);

  it('encodes exactly the pixels it drew, and the SVG is the same picture', () => {
    const pixels = rasterise(48, false);
    expect(readPng(encodePng(48, pixels)).pixels.equals(pixels)).toBe(true);
    const svg = iconSvg();
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 512 512"><title>Shuttle Diplomacy<\/title>/,
    );
    expect(svg.match(/<ellipse /g)).toHaveLength(9);
  });
});
