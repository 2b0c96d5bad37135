// Property: the hand-written intent check on the engine's hot path never accepts what IntentSchema refuses, and
// returns exactly what IntentSchema would; whatever it passes over is judged by Zod, so every malformed intent is
// refused with the same error as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyIntent, createGame, IntentSchema } from '../../src/engine';
import { checkIntent } from '../../src/engine/intent-check';
import { harbour } from './fixtures';

const str = (min: number, max: number) => fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
const edgeString = fc.oneof(
  str(0, 3),
  fc.constantFrom('', 'a', 'x'.repeat(64), 'x'.repeat(65), '😀'.repeat(32), '😀'.repeat(33)),
  fc.constantFrom('x'.repeat(280), 'x'.repeat(281), 'x'.repeat(600), 'x'.repeat(601)),
  fc.constantFrom('x'.repeat(2000), 'x'.repeat(2001)),
);
const id = fc.oneof(fc.constantFrom('quota', 'q70', 'north', 'fishing', 'director'), str(1, 8));
/** Mostly a good id, sometimes a string at or past a limit. */
const anyId = fc.oneof({ arbitrary: id, weight: 12 }, { arbitrary: edgeString, weight: 1 });
const text = (max: number) =>
  fc
    .oneof({ arbitrary: str(0, 12), weight: 12 }, { arbitrary: edgeString, weight: 1 })
    .filter((t) => max > 64 || t.length <= max);
const edgeNumber = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 200 }), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      1.5,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      2 ** 53,
      -(2 ** 53),
      2 ** 53 - 1,
    ),
    weight: 1,
  },
);
const record = fc.oneof(
  { arbitrary: fc.dictionary(id, id, { maxKeys: 4, noNullPrototype: true }), weight: 12 },
  {
    arbitrary: fc.dictionary(anyId, fc.oneof(anyId, edgeNumber), { maxKeys: 3, noNullPrototype: true }),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom(JSON.parse('{"__proto__": "x"}'), JSON.parse('{"a": "b", "__proto__": {}}')),
    weight: 1,
  },
);
const drivers = fc.array(
  fc.oneof(
    { arbitrary: fc.constantFrom('aspiration', 'deadline', 'trade', 'word', 'answer'), weight: 20 },
    { arbitrary: fc.constantFrom('nonsense', ''), weight: 1 },
  ),
  { maxLength: 9 },
);
const basis = fc.record(
  { drivers, conceded: record, asked: record },
  { requiredKeys: [], noNullPrototype: true },
);
const reason = fc.record(
  { public: text(600), private: text(2000), basis },
  { requiredKeys: ['public'], noNullPrototype: true },
);
const envelope = {
  v: fc.oneof({ arbitrary: fc.constant(1), weight: 12 }, { arbitrary: fc.constantFrom(2, '1'), weight: 1 }),
  seat: anyId,
  reason,
};
const idList = (max: number) => fc.array(anyId, { maxLength: max + 1 });
const folds = fc.array(edgeNumber, { maxLength: 3 });

const wellFormedish = fc.oneof(
  fc.record(
    {
      ...envelope,
      type: fc.constant('text.publish'),
      text: record,
      folds,
    },
    { requiredKeys: ['v', 'seat', 'type', 'text'], noNullPrototype: true },
  ),
  fc.record(
    {
      ...envelope,
      type: fc.constantFrom('package.accept', 'package.reject'),
      package: anyId,
      version: edgeNumber,
    },
    { requiredKeys: ['v', 'seat', 'type', 'package', 'version'], noNullPrototype: true },
  ),
  fc.record(
    {
      ...envelope,
      type: fc.constant('package.acceptConditional'),
      package: anyId,
      version: edgeNumber,
      onlyIf: idList(12),
    },
    { requiredKeys: ['v', 'seat', 'type', 'package', 'version', 'onlyIf'], noNullPrototype: true },
  ),
  fc.record(
    { ...envelope, type: fc.constant('amendment.propose'), package: anyId, options: record },
    { requiredKeys: ['v', 'seat', 'type', 'package', 'options'], noNullPrototype: true },
  ),
  fc.record(
    {
      ...envelope,
      type: fc.constant('signal.send'),
      kind: fc.constantFrom('priority', 'concern', 'red-line', 'commitment', 'retract', 'retract', 'threat'),
      issue: anyId,
      option: anyId,
      to: fc.oneof(fc.constantFrom('all', 'all', 'some'), idList(12)),
      message: text(280),
    },
    { requiredKeys: ['v', 'seat', 'type', 'kind', 'issue', 'to'], noNullPrototype: true },
  ),
  fc.record(
    {
      ...envelope,
      type: fc.constant('proposal.answer'),
      ref: edgeNumber,
      verdict: fc.constantFrom('folded', 'countered', 'declined', 'ignored'),
      issue: anyId,
      give: record,
      ask: record,
    },
    { requiredKeys: ['v', 'seat', 'type', 'ref', 'verdict'], noNullPrototype: true },
  ),
  fc.record(
    { ...envelope, type: fc.constant('capital.consult'), package: anyId },
    { requiredKeys: ['v', 'seat', 'type', 'package'], noNullPrototype: true },
  ),
  fc.record(
    { ...envelope, type: fc.constant('text.sign'), version: edgeNumber },
    { requiredKeys: ['v', 'seat', 'type', 'version'], noNullPrototype: true },
  ),
  fc.record(
    { ...envelope, type: fc.constantFrom('table.walkAway', 'turn.end', 'turn.timeout', 'turn.skip') },
    { requiredKeys: ['v', 'seat', 'type'], noNullPrototype: true },
  ),
  fc.record(
    { ...envelope, type: fc.constant('event.inject'), event: anyId },
    { requiredKeys: ['v', 'seat', 'type', 'event'], noNullPrototype: true },
  ),
);

/** Bends an intent out of shape: a key removed, set to undefined or to something else, or one added. */
function bend(intent: Record<string, unknown>, how: number, key: string, value: unknown): unknown {
  const keys = Object.keys(intent);
  const k = keys.length ? keys[Math.abs(key.length + how) % keys.length]! : 'type';
  switch (how % 9) {
    case 0:
      return intent;
    case 1: {
      const { [k]: _gone, ...rest } = intent;
      return rest;
    }
    case 2:
      return { ...intent, [k]: undefined };
    case 3:
      return { ...intent, [k]: value };
    case 4:
      return { ...intent, [key || 'extra']: value };
    case 5:
      return Object.assign(Object.create(null), intent);
    case 6:
      return [intent];
    case 7:
      return { ...intent, [Symbol('s')]: 1 };
    default:
      return { ...intent, reason: value };
  }
}

const arbitraryIntent = fc.oneof(
  { arbitrary: wellFormedish, weight: 6 },
  {
    arbitrary: fc
      .tuple(wellFormedish, fc.nat(), str(0, 6), fc.oneof(fc.anything(), anyId, edgeNumber, record))
      .map(([intent, how, key, value]) => bend(intent as Record<string, unknown>, how, key, value)),
    weight: 6,
  },
  { arbitrary: fc.anything(), weight: 1 },
);

describe('the intent check on the hot path agrees with IntentSchema', () => {
  it('accepts only what Zod accepts, and returns what Zod returns, keys in the same order', () => {
    let checked = 0;
    let taken = 0;
    fc.assert(
      fc.property(arbitraryIntent, (raw) => {
        checked++;
        const fast = checkIntent(raw);
        if (fast === null) return;
        taken++;
        const zod = IntentSchema.safeParse(raw);
        expect(zod.success).toBe(true);
        expect(fast).toStrictEqual(zod.data);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
        expect(fast).not.toBe(raw);
      }),
      { numRuns: 6000, seed: 20251209 },
    );
    // The generator makes well-formed intents often enough for the hot path to be tried in earnest.
    expect(taken).toBeGreaterThan(checked / 5);
  });

  it('takes the hot path for the intents drivers send', () => {
    const intents = [
      { v: 1, seat: 'north', type: 'turn.end' },
      { v: 1, seat: 'north', type: 'package.accept', package: 'fishing', version: 3 },
      {
        v: 1,
        seat: 'north',
        type: 'text.publish',
        text: { quota: 'q70' },
        folds: [1, 2],
        reason: { public: 'p', private: 'q', basis: { drivers: ['trade'], conceded: { a: 'b' }, asked: {} } },
      },
      {
        v: 1,
        seat: 'north',
        type: 'signal.send',
        kind: 'concern',
        issue: 'quota',
        option: 'q70',
        to: ['south'],
      },
      {
        v: 1,
        seat: 'north',
        type: 'proposal.answer',
        ref: 9,
        verdict: 'countered',
        give: {},
        ask: { x: 'y' },
      },
      { v: 1, seat: 'director', type: 'event.inject', event: 'storm' },
    ];
    for (const intent of intents) expect(checkIntent(intent)).toStrictEqual(IntentSchema.parse(intent));
  });

  it('copies what it returns, so a driver that reuses its intent object cannot change the log', () => {
    const basis = { drivers: ['trade' as const], asked: { quota: 'q70' } };
    const intent = { v: 1, seat: 'north', type: 'turn.end', reason: { public: 'done', basis } };
    const checked = checkIntent(intent);
    expect(checked).toStrictEqual(intent);
    expect(checked?.reason?.basis).not.toBe(basis);
    expect(checked?.reason?.basis?.asked).not.toBe(basis.asked);
  });

  it('refuses a malformed intent with the error Zod describes', () => {
    const sc = harbour();
    const state = createGame(sc, 1);
    fc.assert(
      fc.property(arbitraryIntent, (raw) => {
        const zod = IntentSchema.safeParse(raw);
        const r = applyIntent(sc, state, raw);
        if (zod.success) return;
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const first = zod.error.issues[0];
        expect(r.error.code).toBe('malformed');
        expect(r.error.message).toBe(
          `malformed intent: ${first ? `${first.path.join('.')}: ${first.message}` : ''}`,
        );
      }),
      { numRuns: 1500, seed: 20251210 },
    );
  });
});
