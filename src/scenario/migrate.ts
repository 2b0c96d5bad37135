// Scenario format versions and the migration of older files, text to text, comments and layout kept.
//
// Format 1 is the format as first written (commit 748184b, November 2026): ids of lower-case letters, digits and
// dashes of any length, and text of any length holding any character. Format 2 is the format of today: ids are
// at most 40 characters, text holds no control characters (terminal escapes, bidirectional overrides, the line
// and paragraph separators a word processor pastes), and every field added since (source kinds, teacher notes,
// attendance, appliesWhen, weight effects, credibility, ranked priors, public checks) is optional, so a format-1
// file needs only what `migrateScenarioText` does to become a format-2 file that means the same game:
// - long ids are shortened to at most 40 characters (a readable head and a short hash), everywhere they appear;
// - control characters are removed from text (a line or paragraph separator becomes a space);
// - `format: 1` becomes `format: 2`.
// The loader still reads format-1 files by format 2's rules; where those rules refuse one, its error says that
// `cli migrate` fixes it.
import { isMap, isScalar, parseDocument, type Scalar, visit } from 'yaml';

export const CURRENT_FORMAT = 2;
export const ID_MAX = 40;

export interface Migration {
  /** The migrated text (the input itself when nothing changed). */
  text: string;
  from: number;
  to: number;
  /** One line per change, for people: `id "…" shortened to "…"`. */
  changes: string[];
}

export type MigrationResult = { ok: true; migration: Migration } | { ok: false; error: string };

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const SEPARATOR = /[\u2028\u2029]/g;

/** Migrates a scenario file's text to the current format; a file already current comes back unchanged. */
export function migrateScenarioText(text: string): MigrationResult {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    return { ok: false, error: `the file is not valid YAML (${doc.errors[0]?.message.split('\n')[0]})` };
  }
  if (!isMap(doc.contents)) return { ok: false, error: 'the file is not a scenario (a map of keys)' };
  const format: unknown = doc.contents.toJSON().format;
  if (format === CURRENT_FORMAT) {
    return { ok: true, migration: { text, from: CURRENT_FORMAT, to: CURRENT_FORMAT, changes: [] } };
  }
  if (format !== 1) {
    return {
      ok: false,
      error: `unknown format ${JSON.stringify(format ?? null)}: this version reads formats 1 and ${CURRENT_FORMAT}`,
    };
  }

  const changes: string[] = [];
  const renames = longIdRenames(doc.toJS({ maxAliasCount: 1000 }));
  for (const [from, to] of renames)
    changes.push(`id ${JSON.stringify(from)} shortened to ${JSON.stringify(to)}`);
  // Edits go to the source text at each scalar's own range, so every comment, line break and style stays.
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let controls = 0;
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value !== 'string' || !node.range) return;
      const [start, end] = node.range;
      const renamed = renames.get(node.value);
      if (renamed !== undefined) {
        edits.push({ start, end, text: renamed });
        return;
      }
      const removed = countMatches(node.value, CONTROL) + countMatches(node.value, SEPARATOR);
      if (removed === 0) return;
      controls += removed;
      const cleaned = node.value.replace(SEPARATOR, ' ').replace(CONTROL, '');
      const source = text.slice(start, end);
      const raw = source.replace(SEPARATOR, ' ').replace(CONTROL, '');
      // Written as escapes (in double quotes): write the cleaned text as a double-quoted string instead.
      edits.push({
        start,
        end,
        text: node.type === 'QUOTE_DOUBLE' && raw === source ? JSON.stringify(cleaned) : raw,
      });
    },
  });
  if (controls > 0)
    changes.push(`${controls} control character${controls === 1 ? '' : 's'} removed from text`);
  const formatNode = doc.contents.get('format', true);
  if (!isScalar(formatNode) || !formatNode.range) return { ok: false, error: 'cannot find the format key' };
  edits.push({ start: formatNode.range[0], end: formatNode.range[1], text: String(CURRENT_FORMAT) });
  changes.push(`format 1 → ${CURRENT_FORMAT}`);
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { ok: true, migration: { text: out, from: 1, to: CURRENT_FORMAT, changes } };
}

function countMatches(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

/** Every id longer than ID_MAX defined anywhere in the file, each with a short, unique, valid replacement. */
function longIdRenames(value: unknown): Map<string, string> {
  const defined = new Set<string>();
  const seen = new Set<string>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) collect(item);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    for (const [key, child] of Object.entries(v)) {
      seen.add(key);
      if (key === 'id' && typeof child === 'string') defined.add(child);
      if (typeof child === 'string') seen.add(child);
      collect(child);
    }
  };
  collect(value);
  // Map keys name ids too (profiles, preferences, values, mandates): a long key is a long id.
  const renames = new Map<string, string>();
  const taken = new Set(seen);
  for (const id of [...defined].sort()) {
    if (id.length <= ID_MAX || !/^[a-z0-9][a-z0-9-]*$/.test(id)) continue;
    renames.set(id, shortId(id, taken));
  }
  return renames;
}

/** The first letters of `id` (cut at a dash where possible), a dash and six characters of its hash. */
function shortId(id: string, taken: Set<string>): string {
  for (let salt = 0; ; salt++) {
    const hash = fnv1a(salt === 0 ? id : `${id}#${salt}`)
      .toString(36)
      .padStart(7, '0')
      .slice(-6);
    let head = id.slice(0, ID_MAX - 7);
    const dash = head.lastIndexOf('-');
    if (dash >= 12) head = head.slice(0, dash);
    head = head.replace(/-+$/, '');
    const candidate = `${head}-${hash}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
