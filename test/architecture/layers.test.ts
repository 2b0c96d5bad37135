import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, resolveImport } from '../../scripts/check-layers';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BROWSER_ONLY = ['src/game/', 'src/ui/'];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const toRoot = (full: string) => relative(ROOT, full).split(sep).join('/');

/** The file a relative import names, as TypeScript would find it (with or without extension, or index). */
function existing(target: string): string | undefined {
  const bare = target.replace(/\.(js|mjs|ts)$/, '');
  const candidates = [target, `${bare}.ts`, `${bare}.tsx`, `${bare}.mts`, `${bare}/index.ts`];
  return candidates.find((c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile());
}

/** Every project file a file loads, following relative imports. */
function reachable(start: string): Map<string, string> {
  const seen = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const { specifier } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
      const target = resolveImport(file, specifier);
      const found = target === undefined ? undefined : existing(target);
      if (found && !seen.has(found)) {
        seen.set(found, file);
        queue.push(found);
      }
    }
  }
  return seen;
}

describe('the node test project', () => {
  const tests = files(join(ROOT, 'test'))
    .map(toRoot)
    .filter((f) => f.endsWith('.test.ts') && !/^test\/(e2e|game|ui)\//.test(f));

  it('has tests to check', () => {
    expect(tests.length).toBeGreaterThan(0);
  });

  it.each(tests)('%s never loads src/game or src/ui, directly or through other modules', (test) => {
    const offending = [...reachable(test)]
      .filter(([file]) => BROWSER_ONLY.some((layer) => file.startsWith(layer)))
      .map(([file, from]) => `${file} (imported by ${from})`);
    expect(offending).toEqual([]);
  });
});
