// The loader's fast path: a plain scenario file (no anchors, aliases, tags, directives or merge keys, one
// document, simple keys) read with js-yaml's event parser, several times faster than the `yaml` package's
// document model, which keeps every node's position. The fast path gives the value only: where a diagnostic
// has to be placed, the loader parses again with `yaml` (see load.ts). It reads scalars with the rules of the
// `yaml` package's YAML 1.2 core schema, copied below, so both paths give the same value; and it declines
// (returns undefined) whatever it is not sure to read the same way, or whatever the hardened loader's limits
// (yaml-guard.ts) would flag, so the full path reports it with its position.
import { EVENT_ID, type Event, getScalarValue, parseEvents, SCALAR_STYLE } from 'js-yaml';
import { LIMITS } from './yaml-guard';

// The `yaml` package's core schema (yaml/dist/schema/core): the same patterns, tried in the same order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** What the `yaml` package's core schema makes of a plain scalar's text. */
export function coreScalar(s: string): null | boolean | number | string {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return Number.parseInt(s.substring(2), 8);
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (INT_HEX.test(s)) return Number.parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) {
    if (s.slice(-3).toLowerCase() === 'nan') return Number.NaN;
    return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}

/** Keys longer than this take the full path (the `yaml` package refuses implicit keys past 1,024 characters). */
const MAX_FAST_KEY = 1_000;

/** A plain scalar that cannot be null, a boolean or a number: it does not start like one. */
function surelyString(s: string): boolean {
  const c = s.charCodeAt(0);
  // Letters other than n N t T f F, and most punctuation, start only strings.
  return !(
    s.length === 0 ||
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2b || // +
    c === 0x2d || // -
    c === 0x2e || // .
    c === 0x7e || // ~
    c === 0x6e || // n
    c === 0x4e || // N
    c === 0x74 || // t
    c === 0x54 || // T
    c === 0x66 || // f
    c === 0x46 // F
  );
}

interface Open {
  /** The map or list being filled. */
  value: Record<string, unknown> | unknown[];
  isMap: boolean;
  /** Child nodes seen so far (a map's keys and values both count). */
  children: number;
  /** In a map, the key waiting for its value. */
  key: string;
}

/**
 * The file's value, when the fast path can read it exactly as the full path would and the full path's
 * structure checks would find nothing; otherwise undefined (take the full path).
 */
export function fastParse(text: string): { value: unknown } | undefined {
  // Tabs (legal only inside text, an error in indentation), directives and merge keys: the full path explains
  // them or reads them.
  if (text.includes('\t') || text.includes('<<') || /^%/m.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: LIMITS.depth + 1 });
  } catch {
    return undefined;
  }
  return build(text, events);
}

/**
 * Builds the value from the events, or declines: more than one document, an anchor, alias or tag, depth,
 * entries or values past the limits, a key that is not a one-line string, a key written twice, "__proto__".
 */
function build(text: string, events: Event[]): { value: unknown } | undefined {
  const open: Open[] = [];
  let documents = 0;
  let nodes = 0;
  let root: unknown;
  let rootSet = false;
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1 || e.directives.length > 0) return undefined;
      continue;
    }
    if (e.type === EVENT_ID.ALIAS) return undefined;
    if (e.type === EVENT_ID.POP) {
      const done = open.pop();
      if (done) place(done.value);
      continue;
    }
    if (e.anchorStart !== -1 || e.tagStart !== -1) return undefined;
    if (++nodes > LIMITS.nodes) return undefined;
    // This node's depth as the structure check counts it: the root is at depth 1.
    if (open.length + 1 > LIMITS.depth) return undefined;
    const parent = open[open.length - 1];
    if (parent) {
      parent.children++;
      if ((parent.isMap ? Math.ceil(parent.children / 2) : parent.children) > LIMITS.entries)
        return undefined;
      if (parent.isMap && parent.children % 2 === 1) {
        // A key: a plain or quoted one-line string, not "__proto__", not written before in this map.
        if (e.type !== EVENT_ID.SCALAR) return undefined;
        if (e.valueEnd - e.valueStart > MAX_FAST_KEY) return undefined;
        if (
          e.style !== SCALAR_STYLE.PLAIN &&
          e.style !== SCALAR_STYLE.SINGLE_QUOTED &&
          e.style !== SCALAR_STYLE.DOUBLE_QUOTED
        )
          return undefined;
        const key = getScalarValue(text, e);
        if (key === '__proto__' || key.includes('\n') || key.includes('\r')) return undefined;
        if (e.style === SCALAR_STYLE.PLAIN && !surelyString(key) && typeof coreScalar(key) !== 'string')
          return undefined;
        if (Object.hasOwn(parent.value, key)) return undefined;
        parent.key = key;
        continue;
      }
    }
    if (e.type === EVENT_ID.MAPPING) open.push({ value: {}, isMap: true, children: 0, key: '' });
    else if (e.type === EVENT_ID.SEQUENCE) open.push({ value: [], isMap: false, children: 0, key: '' });
    else {
      const s = getScalarValue(text, e);
      place(e.style === SCALAR_STYLE.PLAIN && !surelyString(s) ? coreScalar(s) : s);
    }
  }
  if (documents !== 1 || !rootSet || open.length > 0) return undefined;
  return { value: root };

  function place(value: unknown): void {
    const parent = open[open.length - 1];
    if (!parent) {
      root = value;
      rootSet = true;
    } else if (parent.isMap) (parent.value as Record<string, unknown>)[parent.key] = value;
    else (parent.value as unknown[]).push(value);
  }
}
