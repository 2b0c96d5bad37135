// Build step: writes a brotli (`.br`) and a gzip (`.gz`) copy of every compressible file of the built client, so
// the server (src/server/static.ts) sends them as they are instead of compressing on every request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing; images, fonts and archives are compressed already. */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|map|svg|txt|xml|webmanifest|wasm|yaml|ico)$/i;

export interface PrecompressResult {
  file: string;
  size: number;
  br?: number;
  gz?: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * Compresses every compressible file under `dir` (brotli at its best quality, gzip at level 9) and keeps a copy
 * only where it is smaller than the file; a stale copy from an earlier build is overwritten.
 */
export async function precompressDir(dir: string): Promise<PrecompressResult[]> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f));
  return Promise.all(
    files.map(async (file): Promise<PrecompressResult> => {
      const data = await readFile(file);
      const result: PrecompressResult = { file, size: data.length };
      const [br, gzipped] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        }),
        gz(data, { level: 9 }),
      ]);
      if (br.length < data.length) {
        await writeFile(`${file}.br`, br);
        result.br = br.length;
      }
      if (gzipped.length < data.length) {
        await writeFile(`${file}.gz`, gzipped);
        result.gz = gzipped.length;
      }
      return result;
    }),
  );
}

/** Vite plugin: precompresses the output directory once the build has written it. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'shuttle-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const started = Date.now();
      const results = await precompressDir(outDir);
      const before = results.reduce((n, r) => n + r.size, 0);
      const after = results.reduce((n, r) => n + (r.br ?? r.size), 0);
      const kb = (n: number) => `${Math.round(n / 1024)} kB`;
      console.log(
        `precompressed ${results.length} files (${kb(before)} -> ${kb(after)} with brotli) in ${Date.now() - started} ms`,
      );
    },
  };
}
