// Loads a scenario from YAML or JSON text: every syntax, shape and reference error with its file:line:col.

import { isMap, isPair, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type BalanceFigures, balanceReport } from './balance';
import { designWarnings } from './design-checks';
import { type Finding, referenceErrors } from './reference-checks';
import { type Scenario, ScenarioSchema } from './schema';
import { afterAsOfWarnings } from './time-checks';
import { fastParse } from './yaml-fast';
import { preScan, structureErrors } from './yaml-guard';
import { lineIndex, lineStarts, syntaxCauses } from './yaml-syntax';

export { type BalanceFigures, balanceWarnings } from './balance';
export type { Finding } from './reference-checks';
export { afterAsOfWarnings } from './time-checks';
export { LIMITS } from './yaml-guard';

export type DiagnosticPath = Array<string | number>;

export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  message: string;
  /** Where in the scenario the problem is, e.g. ['profiles', 'north', 'preferences', 'quota', 'weight']. */
  path: DiagnosticPath;
}

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: Diagnostic[]; figures?: BalanceFigures }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** `file:line:col: message`, the form editors and terminals turn into links; control characters escaped. */
export function formatDiagnostic(d: Diagnostic, severity?: 'warning'): string {
  return `${printable(d.file)}:${d.line}:${d.col}: ${severity ? `${severity}: ` : ''}${printable(d.message)}`;
}

/**
 * Control characters (terminal escapes, line breaks, bidirectional overrides) written as \u{…}, so text
 * from a file can never drive a terminal or split one diagnostic into several lines.
 */
export function printable(s: string): string {
  return s.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`,
  );
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** Dotted path for people: profiles.north.redLines[0].when (a very long key cut short). */
export function pathToString(path: DiagnosticPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = segment.length > 40 ? `${segment.slice(0, 40)}…` : segment;
      out += out === '' ? key : `.${key}`;
    }
  }
  return out;
}

/** A string from the file quoted for a message, cut to 40 characters. */
export function quoteShort(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

export interface LoadOptions {
  /**
   * Called as each stage ends ('parse', 'schema', 'design', 'balance'), so a caller with a clock can time them
   * (this layer reads no clock).
   */
  mark?: (stage: Stage) => void;
}

/** Parses, validates against the schema and checks every cross-reference; reports all problems at once. */
export function loadScenario(text: string, fileName: string, options: LoadOptions = {}): LoadResult {
  const mark = options.mark ?? (() => {});
  // Size and nesting first: past them the parser itself slows down.
  const tooBig = preScan(text);
  if (tooBig) {
    const starts = lineStarts(text.slice(0, tooBig.offset + 1));
    return {
      ok: false,
      errors: [locator(text, starts, fileName)(tooBig.offset, tooBig.message)],
      warnings: [],
    };
  }
  // The fast path reads a plain file's value without positions; a file it declines, or one with anything to
  // report, goes the full way, which places every diagnostic (so both give the same result).
  const strictJsonOk = !/\.json$/i.test(fileName) || strictJsonError(text) === undefined;
  const fast = strictJsonOk ? fastParse(text) : undefined;
  if (fast) {
    mark('parse');
    const checked = checkValue(fast.value, mark);
    if (checked.ok && checked.warnings.length === 0) {
      return { ok: true, scenario: checked.scenario, warnings: [], figures: checked.figures };
    }
  }
  return loadFully(text, fileName, mark);
}

/** The full path: the `yaml` document model, with every node's position. */
export function loadFully(
  text: string,
  fileName: string,
  mark: (stage: Stage) => void = () => {},
): LoadResult {
  const tooBig = preScan(text);
  const starts = tooBig ? lineStarts(text.slice(0, tooBig.offset + 1)) : lineStarts(text);
  const lineOf = (offset: number): number => lineIndex(starts, offset) + 1;
  const at = locator(text, starts, fileName);
  if (tooBig) return { ok: false, errors: [at(tooBig.offset, tooBig.message)], warnings: [] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const warnings = doc.warnings.map((w) => at(w.pos[0], w.message));
  const syntaxErrors = syntaxCauses(text, doc.errors).map((c) => at(c.offset, c.message));
  if (syntaxErrors.length === 0 && /\.json$/i.test(fileName)) {
    // YAML accepts a superset of JSON (comments, unquoted strings): a .json file must be strict JSON too.
    const jsonError = strictJsonError(text);
    if (jsonError) syntaxErrors.push(at(jsonError.offset, jsonError.message));
  }
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors.sort(byPosition), warnings };
  const structural = structureErrors(doc, lineOf).map((e) => at(e.offset, e.message));
  if (structural.length > 0) return { ok: false, errors: structural.sort(byPosition), warnings };

  // The structure check bounds what aliases expand to, so the parser's own alias guard can stand down.
  const value: unknown = doc.toJS({ maxAliasCount: -1 });
  mark('parse');
  const locate = (path: DiagnosticPath, target: 'value' | 'key' = 'value'): number =>
    offsetOf(doc.contents, path, target);
  const diagnose = (f: Finding): Diagnostic =>
    at(
      locate(f.path, f.target),
      `${f.path.length > 0 ? `${pathToString(f.path)}: ` : ''}${f.message}`,
      f.path,
    );

  const checked = checkValue(value, mark);
  if (!checked.ok) {
    const formatOne =
      value !== null && typeof value === 'object' && (value as { format?: unknown }).format === 1;
    const errors = dedupe(
      checked.errors.map(diagnose).map((d) => withMigrationHint(withYamlHint(d, text, starts), formatOne)),
    ).sort(byPosition);
    return { ok: false, errors, warnings };
  }
  warnings.push(...checked.warnings.map(diagnose));
  return {
    ok: true,
    scenario: checked.scenario,
    warnings: warnings.sort(byPosition),
    figures: checked.figures,
  };
}

type Stage = 'parse' | 'schema' | 'design' | 'balance';

/** A diagnostic at an offset of `text` (whose line starts are `starts`). */
function locator(text: string, starts: number[], fileName: string) {
  return (offset: number, message: string, path: DiagnosticPath = []): Diagnostic => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const line = lineIndex(starts, clamped);
    return { file: fileName, line: line + 1, col: clamped - (starts[line] as number) + 1, message, path };
  };
}

type Checked =
  | { ok: true; scenario: Scenario; warnings: Finding[]; figures: BalanceFigures }
  | { ok: false; errors: Finding[] };

/** Schema, references, design checks and balance analysis of a parsed value: findings, not yet placed. */
function checkValue(value: unknown, mark: (stage: Stage) => void): Checked {
  const parsed = ScenarioSchema.safeParse(value);
  const findings: Finding[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((i) => describeIssue(i, [], value));
  // References are checked even when the shape is wrong, so one run shows every mistake.
  findings.push(...referenceErrors(value));
  suggestMisspelledKeys(findings);
  mark('schema');
  if (!parsed.success || findings.length > 0) return { ok: false, errors: findings };
  const scenario = parsed.data;
  const warnings = [...designWarnings(scenario), ...afterAsOfWarnings(scenario)];
  mark('design');
  const balance = balanceReport(scenario);
  warnings.push(...balance.warnings);
  mark('balance');
  return { ok: true, scenario, warnings, figures: balance.figures };
}

/** What format 1 allowed and format 2 refuses, in a format-1 file: `cli migrate` rewrites it. */
function withMigrationHint(d: Diagnostic, formatOne: boolean): Diagnostic {
  const last = d.path[d.path.length - 1];
  const longKey = /Invalid key in record/.test(d.message) && typeof last === 'string' && last.length > 40;
  if (!formatOne || (!longKey && !/ids are at most 40 characters|control characters/.test(d.message)))
    return d;
  return {
    ...d,
    message: `${d.message} (format 1 allowed this: \`npm run --silent cli -- migrate ${printable(d.file)}\` rewrites the file as format 2)`,
  };
}

/** Two YAML pitfalls that surface as shape errors: say what happened in the file. */
function withYamlHint(d: Diagnostic, text: string, starts: number[]): Diagnostic {
  const lineStart = starts[d.line - 1] ?? 0;
  const offset = lineStart + d.col - 1;
  const rest = text.slice(
    offset,
    text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset),
  );
  if (d.message.endsWith(', got null') && /^#/.test(rest.replace(/^[^#\n]*?:\s*/, ''))) {
    return { ...d, message: `${d.message} (a # after a space starts a comment: put the value in quotes)` };
  }
  if (/: unknown key "[^"]* [^"]*"$/.test(d.message) && /,\s*$/.test(text.slice(lineStart, offset))) {
    return {
      ...d,
      message: `${d.message} (inside { } a comma ends the value before it: put that value in quotes)`,
    };
  }
  return d;
}

/** A typo makes one key unknown and another missing in the same map: say which was meant. */
function suggestMisspelledKeys(findings: Finding[]): void {
  const missing = new Map<string, string[]>();
  for (const f of findings) {
    const key = /^missing required key "(.*)"$/.exec(f.message)?.[1];
    if (key === undefined) continue;
    const parent = pathToString(f.path.slice(0, -1));
    missing.set(parent, [...(missing.get(parent) ?? []), key]);
  }
  for (const f of findings) {
    const unknown = /^unknown key "(.*)"$/.exec(f.message)?.[1];
    if (unknown === undefined) continue;
    const candidates = missing.get(pathToString(f.path.slice(0, -1))) ?? [];
    const near = candidates.find((c) => editDistance(c.toLowerCase(), unknown.toLowerCase()) <= 2);
    if (near !== undefined) f.message += ` (did you mean "${near}"?)`;
  }
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.col}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The offset of the node at `path`; for a missing node, of the nearest ancestor's key (or the ancestor). */
function offsetOf(root: Node | null, path: DiagnosticPath, target: 'value' | 'key'): number {
  let node: unknown = root;
  let keyNode: unknown = null;
  let best = rangeStart(root) ?? 0;
  for (const [i, segment] of path.entries()) {
    let next: unknown;
    let nextKey: unknown = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (pair) {
        next = pair.value;
        nextKey = pair.key;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined && nextKey === null) return rangeStart(keyNode) ?? best;
    const last = i === path.length - 1;
    if (last && target === 'key' && nextKey !== null) return rangeStart(nextKey) ?? best;
    // `key:` with nothing after it has no value node: point at the key.
    if (next === null || next === undefined) return rangeStart(nextKey) ?? best;
    node = isPair(next) ? next.value : next;
    keyNode = nextKey;
    best = rangeStart(node) ?? rangeStart(keyNode) ?? best;
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) return range[0];
  }
  return undefined;
}

function valueAt(root: unknown, path: DiagnosticPath): unknown {
  let v = root;
  for (const segment of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.hasOwn(v, segment)) return undefined;
    v = (v as Record<string | number, unknown>)[segment];
  }
  return v;
}

function hasKey(root: unknown, path: DiagnosticPath): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  return parent !== null && typeof parent === 'object' && last !== undefined && Object.hasOwn(parent, last);
}

/** A short description of a value for messages: `string "high"`, `number 7`, `a list`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `string ${quoteShort(v)}`;
  return `${typeof v} ${String(v)}`;
}

type Issue = z.core.$ZodIssue;

/** Turns one Zod issue (paths relative to `base`) into findings a designer can act on. */
function describeIssue(issue: Issue, base: DiagnosticPath, root: unknown): Finding[] {
  const path: DiagnosticPath = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        target: 'key' as const,
        message: `unknown key ${quoteShort(key)}`,
      }));
    case 'invalid_type': {
      if (!hasKey(root, path) && path.length > 0) {
        return [{ path, message: `missing required key "${String(path[path.length - 1])}"` }];
      }
      if (path.length === 0) {
        return [{ path, message: `expected a scenario (a map of keys), got ${describeValue(root)}` }];
      }
      return [{ path, message: `expected ${issue.expected}, got ${describeValue(valueAt(root, path))}` }];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const got = valueAt(root, path);
        const message =
          got === undefined
            ? `missing required key "${issue.discriminator}" (one of: ${options.join(', ')})`
            : `unknown ${issue.discriminator} ${describeValue(got)}; expected one of: ${options.join(', ')}`;
        return [{ path, message }];
      }
      const branch = closestBranch(issue.errors);
      if (!branch || branch.every((i) => i.path.length === 0 && i.code === 'invalid_type')) {
        return [{ path, message: `${describeValue(valueAt(root, path))} matches none of the allowed forms` }];
      }
      return branch.flatMap((i) => describeIssue(i, path, root));
    }
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'invalid_value':
    case 'not_multiple_of':
      return [{ path, message: `${issue.message} (got ${describeValue(valueAt(root, path))})` }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** The union branch the input was most likely meant to match: the one with the fewest complaints. */
function closestBranch(branches: Issue[][]): Issue[] | undefined {
  const cost = (issues: Issue[]): number =>
    issues.reduce((sum, i) => sum + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
  let best: Issue[] | undefined;
  for (const b of branches) if (!best || cost(b) < cost(best)) best = b;
  return best;
}

/** Where strict JSON parsing fails, if it does (engines word the position differently). */
function strictJsonError(text: string): { offset: number; message: string } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const message = `invalid JSON: ${raw.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/ in JSON at position \d+.*$/, '')}`;
    const lineCol = /line (\d+) column (\d+)/.exec(raw);
    if (lineCol) {
      const lines = text.split('\n');
      const line = Number(lineCol[1]);
      let offset = 0;
      for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
      return { offset: offset + Number(lineCol[2]) - 1, message };
    }
    const position = /position (\d+)/.exec(raw);
    return { offset: position ? Number(position[1]) : 0, message };
  }
}
