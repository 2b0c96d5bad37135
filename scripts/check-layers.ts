// Enforces the house layering rules (DESIGN.md, Architecture) on src/; run by `npm run lint`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Violation {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  message: string;
}

export interface ImportRef {
  specifier: string;
  line: number;
}

const PURE_LAYERS = ['engine', 'scenario'];
const FORBIDDEN_CALLS: Array<[RegExp, string]> = [
  [/\bMath\.random\b/, 'Math.random (use the seeded RNG in the engine state)'],
  [/\bDate\.now\b/, 'Date.now (time enters as intents)'],
  [/\bperformance\.now\b/, 'performance.now (time enters as intents)'],
  [/\bnew\s+Date\s*\(/, 'new Date( (time enters as intents)'],
];
const FORBIDDEN_PACKAGES = ['phaser', 'xstate', 'socket.io', 'socket.io-client'];
const UPPER_LAYERS = ['machines', 'ai', 'ui', 'game', 'net', 'server', 'cli'];
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0] as string]));

/** Blanks out comments (keeping line breaks) so words in them neither count nor hide code. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i += 2;
      while (i < source.length && !(source[i] === '*' && source[i + 1] === '/')) {
        if (source[i] === '\n') out += '\n';
        i++;
      }
      i += 2;
    } else {
      if (c === "'" || c === '"' || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

/** Static imports, re-exports, dynamic imports and requires, with their line numbers. */
export function importsOf(source: string): ImportRef[] {
  const code = stripComments(source);
  const refs: ImportRef[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const line = code.slice(0, match.index).split('\n').length;
      refs.push({ specifier: match[1] as string, line });
    }
  }
  return refs.sort((a, b) => a.line - b.line);
}

/** The layer (`engine`, `ui`, …) of a path relative to the root, or undefined outside src/. */
export function layerOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

/** Where a relative import points, relative to the root; undefined for packages. */
export function resolveImport(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return posix.normalize(posix.join(posix.dirname(file), specifier));
}

function isNodeBuiltin(specifier: string): boolean {
  return (
    specifier.startsWith('node:') ||
    NODE_BUILTINS.has(specifier) ||
    NODE_BUILTINS.has(specifier.split('/')[0] ?? '')
  );
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** Checks one file's content against the layering rules; `file` is relative to the root (src/…). */
export function checkFile(file: string, content: string): Violation[] {
  const layer = layerOf(file);
  if (layer === undefined) return [];
  const out: Violation[] = [];
  const pure = PURE_LAYERS.includes(layer);

  if (pure) {
    const lines = stripComments(content).split('\n');
    lines.forEach((text, i) => {
      for (const [pattern, what] of FORBIDDEN_CALLS) {
        if (pattern.test(text)) {
          out.push({ file, line: i + 1, message: `src/${layer} is pure: no ${what}` });
        }
      }
    });
  }

  for (const { specifier, line } of importsOf(content)) {
    const target = resolveImport(file, specifier);
    const targetLayer = target === undefined ? undefined : layerOf(target);
    const say = (message: string) => out.push({ file, line, message: `${message} (import '${specifier}')` });
    if (pure) {
      if (target === undefined && isNodeBuiltin(specifier)) say(`src/${layer} is pure: no Node modules`);
      if (target === undefined && FORBIDDEN_PACKAGES.includes(packageName(specifier))) {
        say(`src/${layer} is pure: no ${packageName(specifier)}`);
      }
      if (targetLayer !== undefined && UPPER_LAYERS.includes(targetLayer)) {
        say(`src/${layer} must not import src/${targetLayer}: the pure layers import nothing above them`);
      }
    }
    if (
      layer === 'engine' &&
      target !== undefined &&
      targetLayer !== 'engine' &&
      targetLayer !== 'scenario'
    ) {
      const where = targetLayer === undefined ? target : `src/${targetLayer}`;
      if (!(targetLayer !== undefined && UPPER_LAYERS.includes(targetLayer))) {
        say(`src/engine may import only src/engine and src/scenario, not ${where}`);
      }
    }
    if (layer === 'machines' && targetLayer === 'ai') {
      say('src/machines must not import src/ai: an AI drives a machine with the same events a human sends');
    }
    if (layer === 'game' && targetLayer === 'ui') say('src/game must not import src/ui: they are siblings');
    if (layer === 'ui' && targetLayer === 'game') say('src/ui must not import src/game: they are siblings');
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Checks every source file under `<root>/src`. */
export function checkTree(root: string): Violation[] {
  return sourceFiles(join(root, 'src')).flatMap((full) => {
    const file = relative(root, full).split(sep).join('/');
    return checkFile(file, readFileSync(full, 'utf8'));
  });
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}: ${v.message}`;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const violations = checkTree(root);
  for (const v of violations) process.stderr.write(`${formatViolation(v)}\n`);
  if (violations.length > 0) {
    process.stderr.write(
      `check-layers: ${violations.length} layering violation(s); see DESIGN.md, Architecture\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write('check-layers: layers OK\n');
  }
}
