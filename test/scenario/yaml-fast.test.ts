// The loader's fast path (src/scenario/yaml-fast.ts) must give exactly what the full path gives: the same value
// as the `yaml` package, the same verdict, the same diagnostics at the same file:line:col. It takes the default
// and the second scenario, declines files with anchors, aliases, tags or anything the hardened loader's limits
// would flag, and those files are still validated exactly as before.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatDiagnostic, type LoadResult, loadFully, loadScenario } from '../../src/scenario/load';
import { coreScalar, fastParse } from '../../src/scenario/yaml-fast';
import { aliasBomb, deepNesting, hugeMap } from '../support/hostile';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), 'utf8');
const DEFAULT = read('assets', 'scenarios', 'miami-2025.yaml');
const SECOND = read('assets', 'scenarios', 'three-islands.yaml');
const TRAM = read('test', 'fixtures', 'tram-line.yaml');

const yamlValue = (text: string): unknown =>
  parseDocument(text, { prettyErrors: false, uniqueKeys: false }).toJS({ maxAliasCount: -1 });

/** A result as the CLI prints it, plus the parsed scenario and figures. */
function printed(r: LoadResult): unknown {
  return {
    ok: r.ok,
    errors: r.ok ? [] : r.errors.map((d) => formatDiagnostic(d)),
    warnings: r.warnings.map((d) => formatDiagnostic(d, 'warning')),
    scenario: r.ok ? r.scenario : undefined,
    figures: r.ok ? r.figures : undefined,
  };
}

function sameBothWays(text: string, name: string): void {
  const fast = fastParse(text);
  if (fast) expect(fast.value, name).toStrictEqual(yamlValue(text));
  expect(printed(loadScenario(text, name)), name).toStrictEqual(printed(loadFully(text, name)));
}

describe('the fast path of the scenario loader', () => {
  it('reads the default scenario and the second scenario, to the same value as the full path', () => {
    for (const [text, name] of [
      [DEFAULT, 'miami-2025.yaml'],
      [SECOND, 'three-islands.yaml'],
    ] as const) {
      const fast = fastParse(text);
      expect(fast, name).toBeDefined();
      expect(fast?.value, name).toStrictEqual(yamlValue(text));
      sameBothWays(text, name);
    }
  }, 60_000);

  it('gives the same result as the full path on every fixture and on the whole corpus of broken files', () => {
    const broken = join(ROOT, 'test', 'fixtures', 'broken');
    const files = [
      ...readdirSync(join(ROOT, 'test', 'fixtures'))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join('test', 'fixtures', f)),
      ...readdirSync(join(ROOT, 'test', 'fixtures', 'format-1')).map((f) =>
        join('test', 'fixtures', 'format-1', f),
      ),
      ...readdirSync(broken)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join('test', 'fixtures', 'broken', f)),
    ];
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) sameBothWays(read(f), f);
  }, 120_000);

  it('reads Windows line ends, a byte-order mark, document markers and JSON as the full path does', () => {
    const variants: Array<[string, string]> = [
      [TRAM.replace(/\n/g, '\r\n'), 'crlf.yaml'],
      [`\ufeff${TRAM}`, 'bom.yaml'],
      [`---\n${TRAM}...\n`, 'markers.yaml'],
      [JSON.stringify(yamlValue(TRAM), null, 2), 'tram-line.json'],
    ];
    for (const [text, name] of variants) {
      expect(fastParse(text), name).toBeDefined();
      sameBothWays(text, name);
      expect(loadScenario(text, name).ok, name).toBe(true);
    }
  }, 60_000);

  it('declines a file with an anchor and alias, or a tag, which is still validated exactly as before', () => {
    // The tram-line scenario with its first party's name given through an anchor and an alias.
    const anchored = TRAM.replace(/^(\s+name: )(.+)$/m, '$1&partyName $2').replace(
      /^(\s+shortName: ).+$/m,
      '$1*partyName',
    );
    expect(anchored).not.toBe(TRAM);
    const tagged = TRAM.replace(/^(\s+name: )(.+)$/m, '$1!!str $2');
    expect(tagged).not.toBe(TRAM);
    const brokenTagged = TRAM.replace('route: { weight: 40,', 'route: { weight: !!str 40,');
    expect(brokenTagged).not.toBe(TRAM);
    for (const [text, name] of [
      [anchored, 'anchored.yaml'],
      [tagged, 'tagged.yaml'],
      [brokenTagged, 'broken-tagged.yaml'],
    ] as const) {
      expect(fastParse(text), name).toBeUndefined();
      sameBothWays(text, name);
    }
    expect(loadScenario(tagged, 'tagged.yaml').ok).toBe(true);
    const broken = loadScenario(brokenTagged, 'broken-tagged.yaml');
    expect(broken.ok).toBe(false);
    expect(broken.ok ? [] : broken.errors.map((d) => formatDiagnostic(d)).join('\n')).toMatch(
      /^broken-tagged\.yaml:\d+:\d+: .*weight/m,
    );
  }, 60_000);

  it('declines what the hardened loader would flag, which the full path then places', () => {
    const twice = TRAM.replace(/^(\s+)(name: .+)$/m, '$1$2\n$1$2');
    const proto = TRAM.replace(/^(\s+)(name: .+)$/m, '$1$2\n$1__proto__: x');
    const hostile = [
      aliasBomb(6, 9),
      deepNesting(60, 'block'),
      deepNesting(60, 'flow'),
      hugeMap(3_000, null),
      hugeMap(100, 5),
    ];
    for (const text of [twice, proto, ...hostile]) {
      expect(fastParse(text)).toBeUndefined();
      const r = loadScenario(text, 'x.yaml');
      expect(r.ok).toBe(false);
      expect(printed(r)).toStrictEqual(printed(loadFully(text, 'x.yaml')));
    }
  }, 60_000);

  it('reads a plain scalar as the `yaml` core schema does', () => {
    const scalar = fc.stringMatching(/^[-+.~0-9a-fA-FxXoOeE_:nNtTuUlLrRsS ]{0,8}$/);
    fc.assert(
      fc.property(scalar, (s) => {
        const doc = parseDocument(`k: ${s}\n`, { prettyErrors: false });
        const fast = fastParse(`k: ${s}\n`);
        if (doc.errors.length > 0 || !fast) return;
        expect(fast.value).toStrictEqual(doc.toJS());
        const raw = s.trim();
        if (raw !== '' && !raw.includes(' #') && !raw.includes(': ') && !raw.startsWith('#'))
          expect(Object.is(coreScalar(raw), (doc.toJS() as { k: unknown }).k) || raw !== s).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
