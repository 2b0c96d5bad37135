// A hand-written check of intents that IntentSchema accepts, for the engine's hot path: it returns what
// `IntentSchema.parse` would, or null, and then the engine asks Zod (the source of truth) for the verdict.
import {
  AnswerVerdictSchema,
  INTENT_VERSION,
  type Intent,
  ReasonDriverSchema,
  SignalKindSchema,
} from './intents';

/** Thrown inside the check when an intent is not plainly well formed; the caller then defers to Zod. */
const DEFER = Symbol('defer');

type Plain = Record<string, unknown>;

// The enumerations come from the schemas themselves, so the two can never drift apart.
const DRIVERS: ReadonlySet<unknown> = new Set(ReasonDriverSchema.options);
const SIGNAL_KINDS: ReadonlySet<unknown> = new Set(SignalKindSchema.options);
const VERDICTS: ReadonlySet<unknown> = new Set(AnswerVerdictSchema.options);

/** The keys each intent type may have (its shape in IntentSchema, in order), the envelope included. */
const BASE = ['v', 'seat', 'reason', 'type'];
const SHAPES: Record<string, ReadonlySet<string>> = {
  'text.publish': new Set([...BASE, 'text', 'folds']),
  'package.accept': new Set([...BASE, 'package', 'version']),
  'package.reject': new Set([...BASE, 'package', 'version']),
  'package.acceptConditional': new Set([...BASE, 'package', 'version', 'onlyIf']),
  'amendment.propose': new Set([...BASE, 'package', 'options']),
  'signal.send': new Set([...BASE, 'kind', 'issue', 'option', 'to', 'message']),
  'proposal.answer': new Set([...BASE, 'ref', 'verdict', 'issue', 'give', 'ask']),
  'capital.consult': new Set([...BASE, 'package']),
  'text.sign': new Set([...BASE, 'version']),
  'table.walkAway': new Set(BASE),
  'turn.end': new Set(BASE),
  'turn.timeout': new Set(BASE),
  'event.inject': new Set([...BASE, 'event']),
};
const REASON_KEYS: ReadonlySet<string> = new Set(['public', 'private', 'basis', 'said', 'privateSaid']);
const BASIS_KEYS: ReadonlySet<string> = new Set(['drivers', 'conceded', 'asked']);

function defer(): never {
  throw DEFER;
}

/** An ordinary object literal with no key outside `keys` (as z.strictObject sees it, through `for…in`). */
function strict(value: unknown, keys: ReadonlySet<string>): Plain {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    defer();
  for (const k in value) if (!keys.has(k)) defer();
  return value as Plain;
}

/** A field that must be there; undefined defers. */
function field(o: Plain, key: string): unknown {
  const v = o[key];
  if (v === undefined) defer();
  return v;
}

/** An optional field: absent is undefined; present but undefined defers (Zod keeps such a key). */
function optional(o: Plain, key: string): unknown {
  const v = o[key];
  if (v === undefined && key in o) defer();
  return v;
}

function id(value: unknown): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > 64) defer();
  return value;
}

function str(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length > max) defer();
  return value;
}

function int(value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) defer();
  return value;
}

function ids(value: unknown, min: number, max: number): string[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) defer();
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) out.push(id(value[i]));
  return out;
}

/** z.record(id, id): a plain object whose own keys are all enumerable strings (no symbols), copied in order. */
function record(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    defer();
  const keys = Object.keys(value);
  if (Reflect.ownKeys(value).length !== keys.length) defer();
  const out: Record<string, string> = {};
  for (const k of keys) {
    if (k === '__proto__') defer();
    out[id(k)] = id((value as Plain)[k]);
  }
  return out;
}

/** Copies an optional field, checked by `parse`, when it is there. */
function opt(o: Plain, out: Plain, key: string, parse: (v: unknown) => unknown): void {
  const v = optional(o, key);
  if (v !== undefined) out[key] = parse(v);
}

function folds(value: unknown): number[] {
  if (!Array.isArray(value) || value.length > 50) defer();
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) out.push(int(value[i], Number.MIN_SAFE_INTEGER));
  return out;
}

function message(value: unknown): string {
  return str(value, 280);
}

function basisOf(value: unknown): unknown {
  const o = strict(value, BASIS_KEYS);
  const drivers = field(o, 'drivers');
  if (!Array.isArray(drivers) || drivers.length > 8) defer();
  const list: unknown[] = [];
  for (let i = 0; i < drivers.length; i++) {
    const d: unknown = drivers[i];
    if (!DRIVERS.has(d)) defer();
    list.push(d);
  }
  const out: Plain = { drivers: list };
  const conceded = optional(o, 'conceded');
  if (conceded !== undefined) out.conceded = record(conceded);
  const asked = optional(o, 'asked');
  if (asked !== undefined) out.asked = record(asked);
  return out;
}

function reasonOf(value: unknown): unknown {
  const o = strict(value, REASON_KEYS);
  const out: Plain = { public: str(field(o, 'public'), 600) };
  const priv = optional(o, 'private');
  if (priv !== undefined) out.private = str(priv, 2000);
  const basis = optional(o, 'basis');
  if (basis !== undefined) out.basis = basisOf(basis);
  const said = optional(o, 'said');
  if (said !== undefined) out.said = saidOf(said);
  const privateSaid = optional(o, 'privateSaid');
  if (privateSaid !== undefined) out.privateSaid = saidOf(privateSaid);
  return out;
}

/** A said value (SaidSchema's): a short string, a whole number, a boolean, or a short list of strings and numbers. */
function saidValue(v: unknown): unknown {
  if (typeof v === 'string') return str(v, 64);
  if (typeof v === 'number') return int(v, Number.MIN_SAFE_INTEGER);
  if (typeof v === 'boolean') return v;
  if (!Array.isArray(v) || v.length > 20) defer();
  const out: unknown[] = [];
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    out.push(typeof x === 'string' ? str(x, 64) : int(x, Number.MIN_SAFE_INTEGER));
  }
  return out;
}

function saidOf(value: unknown): unknown {
  if (!Array.isArray(value) || value.length > 8) defer();
  const out: Plain[] = [];
  for (let i = 0; i < value.length; i++) {
    const part: unknown = value[i];
    if (typeof part !== 'object' || part === null || Object.getPrototypeOf(part) !== Object.prototype)
      defer();
    const keys = Object.keys(part);
    if (Reflect.ownKeys(part).length !== keys.length) defer();
    const k = (part as Plain).k;
    if (typeof k !== 'string' || k.length < 1 || k.length > 40) defer();
    // Zod's object puts its declared key first, then the catch-all keys in their order.
    const copy: Plain = { k };
    for (const key of keys) {
      if (key === 'k') continue;
      if (key === '__proto__') defer();
      const v = (part as Plain)[key];
      if (v === undefined) defer();
      copy[key] = saidValue(v);
    }
    out.push(copy);
  }
  return out;
}

function check(raw: unknown): Intent {
  if (typeof raw !== 'object' || raw === null) defer();
  const type = (raw as Plain).type;
  if (typeof type !== 'string') defer();
  const shape = SHAPES[type];
  if (!shape) defer();
  const o = strict(raw, shape);
  if (field(o, 'v') !== INTENT_VERSION) defer();
  const out: Plain = { v: INTENT_VERSION, seat: id(field(o, 'seat')) };
  const reason = optional(o, 'reason');
  if (reason !== undefined) out.reason = reasonOf(reason);
  out.type = type;
  switch (type) {
    case 'text.publish':
      out.text = record(field(o, 'text'));
      opt(o, out, 'folds', folds);
      break;
    case 'package.accept':
    case 'package.reject':
      out.package = id(field(o, 'package'));
      out.version = int(field(o, 'version'), 1);
      break;
    case 'package.acceptConditional':
      out.package = id(field(o, 'package'));
      out.version = int(field(o, 'version'), 1);
      out.onlyIf = ids(field(o, 'onlyIf'), 1, 12);
      break;
    case 'amendment.propose':
      out.package = id(field(o, 'package'));
      out.options = record(field(o, 'options'));
      break;
    case 'signal.send': {
      const kind = field(o, 'kind');
      if (!SIGNAL_KINDS.has(kind)) defer();
      out.kind = kind;
      out.issue = id(field(o, 'issue'));
      opt(o, out, 'option', id);
      const to = field(o, 'to');
      out.to = to === 'all' ? to : ids(to, 1, 12);
      opt(o, out, 'message', message);
      break;
    }
    case 'proposal.answer': {
      out.ref = int(field(o, 'ref'), 1);
      const verdict = field(o, 'verdict');
      if (!VERDICTS.has(verdict)) defer();
      out.verdict = verdict;
      opt(o, out, 'issue', id);
      opt(o, out, 'give', record);
      opt(o, out, 'ask', record);
      break;
    }
    case 'capital.consult':
      out.package = id(field(o, 'package'));
      break;
    case 'text.sign':
      out.version = int(field(o, 'version'), 1);
      break;
    case 'event.inject':
      out.event = id(field(o, 'event'));
      break;
  }
  return out as Intent;
}

/** What `IntentSchema.parse(raw)` returns (a fresh copy, keys in the schema's order) when `raw` is plainly a
 * well-formed intent; null when it is not, or is too unusual to judge here (then ask Zod). */
export function checkIntent(raw: unknown): Intent | null {
  try {
    return check(raw);
  } catch (e) {
    if (e === DEFER) return null;
    throw e;
  }
}
