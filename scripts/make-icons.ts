// `npx tsx scripts/make-icons.ts`: draws the app's icon (a negotiating table seen from above, three delegations
// around it) as an SVG and as PNGs at the sizes the web app manifest lists, into public/icons/. No image library and
// nothing downloaded: the PNGs are rasterised here (4×4 supersampling) and encoded with node:zlib.
// `--check` redraws them in memory and exits 1 if the committed files differ (a test runs it the same way).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_DIR = join(ROOT, 'public/icons');

type RGB = readonly [number, number, number];

/** The icon's shapes in a 512 × 512 box, painted in order. */
type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r: number; fill: RGB }
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; fill: RGB };

const hex = (n: number): RGB => [(n >> 16) & 255, (n >> 8) & 255, n & 255];
// The table's palette (src/game/palette.ts) and the default scenario's party colours.
const NAVY = hex(0x14202b);
const RIM = hex(0x7a5b42);
const BAIZE = hex(0x2d5b4c);
const BAIZE_LIGHT = hex(0x3a6d5c);
const PAPER = hex(0xffffff);
const SEATS = [hex(0x2f5d9e), hex(0xd9a21b), hex(0xb0413e)];

/**
 * `maskable`: the whole square is painted and the table kept inside the middle 80% (the safe zone a launcher may
 * crop to a circle); otherwise a rounded square.
 */
export function iconShapes(maskable: boolean): Shape[] {
  const s = maskable ? 0.78 : 1;
  const c = 256;
  const k = (v: number) => c + (v - c) * s;
  const shapes: Shape[] = [
    maskable
      ? { kind: 'rect', x: 0, y: 0, w: 512, h: 512, r: 0, fill: NAVY }
      : { kind: 'rect', x: 16, y: 16, w: 480, h: 480, r: 96, fill: NAVY },
    { kind: 'ellipse', cx: c, cy: k(262), rx: 190 * s, ry: 118 * s, fill: RIM },
    { kind: 'ellipse', cx: c, cy: k(262), rx: 172 * s, ry: 101 * s, fill: BAIZE },
    { kind: 'ellipse', cx: c, cy: k(262), rx: 140 * s, ry: 76 * s, fill: BAIZE_LIGHT },
    // The single negotiating text on the table.
    { kind: 'rect', x: k(206), y: k(226), w: 100 * s, h: 72 * s, r: 10 * s, fill: PAPER },
  ];
  // Three seats: one at the bottom, two at the top corners of the table.
  const seats: Array<[number, number]> = [
    [256, 410],
    [104, 150],
    [408, 150],
  ];
  seats.forEach(([x, y], i) => {
    shapes.push({ kind: 'ellipse', cx: k(x), cy: k(y), rx: 50 * s, ry: 50 * s, fill: PAPER });
    shapes.push({ kind: 'ellipse', cx: k(x), cy: k(y), rx: 40 * s, ry: 40 * s, fill: SEATS[i] ?? PAPER });
  });
  return shapes;
}

const css = (c: RGB) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

export function iconSvg(maskable = false): string {
  const body = iconShapes(maskable)
    .map((sh) =>
      sh.kind === 'rect'
        ? `<rect x="${sh.x}" y="${sh.y}" width="${sh.w}" height="${sh.h}" rx="${sh.r}" fill="${css(sh.fill)}"/>`
        : `<ellipse cx="${sh.cx}" cy="${sh.cy}" rx="${sh.rx}" ry="${sh.ry}" fill="${css(sh.fill)}"/>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><title>Shuttle Diplomacy</title>${body}</svg>\n`;
}

function inside(sh: Shape, x: number, y: number): boolean {
  if (sh.kind === 'ellipse') {
    const dx = (x - sh.cx) / sh.rx;
    const dy = (y - sh.cy) / sh.ry;
    return dx * dx + dy * dy <= 1;
  }
  if (x < sh.x || y < sh.y || x > sh.x + sh.w || y > sh.y + sh.h) return false;
  const r = sh.r;
  const qx = Math.max(sh.x + r - x, 0, x - (sh.x + sh.w - r));
  const qy = Math.max(sh.y + r - y, 0, y - (sh.y + sh.h - r));
  return qx * qx + qy * qy <= r * r;
}

/** RGBA pixels of the icon at `size` × `size`. */
export function rasterise(size: number, maskable: boolean): Buffer {
  const shapes = iconShapes(maskable);
  const out = Buffer.alloc(size * size * 4);
  const n = 4; // samples per axis
  const scale = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) * scale;
          const y = (py + (sy + 0.5) / n) * scale;
          let fill: RGB | null = null;
          for (const sh of shapes) if (inside(sh, x, y)) fill = sh.fill;
          if (fill) {
            r += fill[0];
            g += fill[1];
            b += fill[2];
            a++;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour averaged over the covered samples (straight alpha), coverage as alpha.
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 255] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGBA PNG of `size` × `size` pixels. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every icon file, by name under public/icons/: what the manifest and index.html point at. */
export function iconFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set('icon.svg', Buffer.from(iconSvg(false)));
  for (const size of [192, 512]) files.set(`icon-${size}.png`, encodePng(size, rasterise(size, false)));
  files.set('maskable-512.png', encodePng(512, rasterise(512, true)));
  files.set('apple-touch-icon-180.png', encodePng(180, rasterise(180, true)));
  return files;
}

function main(): void {
  const check = process.argv.includes('--check');
  mkdirSync(ICON_DIR, { recursive: true });
  let stale = 0;
  for (const [name, data] of iconFiles()) {
    const path = join(ICON_DIR, name);
    if (check) {
      let old: Buffer | null = null;
      try {
        old = readFileSync(path);
      } catch {
        // missing
      }
      if (!old?.equals(data)) {
        console.error(`public/icons/${name} is missing or out of date: run npx tsx scripts/make-icons.ts`);
        stale++;
      }
    } else {
      writeFileSync(path, data);
      console.log(`public/icons/${name} (${data.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
