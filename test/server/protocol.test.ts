// The classroom protocol: every malformed message is refused with a typed error, never thrown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, MAX_MESSAGE_CHARS, parseClientMessage } from '../../src/protocol';

describe('parseClientMessage', () => {
  it('accepts the messages of the protocol', () => {
    const ok = [
      { v: 1, type: 'catalogue' },
      {
        v: 1,
        type: 'teacher.create',
        scenario: 'tram-line',
        tables: 2,
        turnSeconds: null,
        difficulty: 'easy',
      },
      { v: 1, type: 'student.join', code: ' abcdef ', nickname: 'Ana' },
      {
        v: 1,
        type: 'seat.intent',
        intentId: 'abcdefgh',
        move: { type: 'package.accept', package: 'p', version: 1 },
      },
    ];
    for (const m of ok) expect(parseClientMessage(m).ok, JSON.stringify(m)).toBe(true);
    const join = parseClientMessage({ v: 1, type: 'student.join', code: ' abcdef ' });
    expect(join.ok && join.message.type === 'student.join' && join.message.code).toBe('ABCDEF');
  });

  it('names what is wrong, with a code', () => {
    const cases: Array<[unknown, string]> = [
      [null, 'bad.message'],
      ['hello', 'bad.message'],
      [[1, 2], 'bad.message'],
      [{ type: 'catalogue' }, 'unsupported.version'],
      [{ v: 2, type: 'catalogue' }, 'unsupported.version'],
      [{ v: 1, type: 'nope' }, 'bad.message'],
      [{ v: 1, type: 'catalogue', extra: 1 }, 'bad.message'],
      [{ v: 1, type: 'student.join', code: 'ABCDE0' }, 'bad.message'],
      [{ v: 1, type: 'student.join', code: 'ABCDEF', nickname: 'a\u0007b' }, 'bad.message'],
      [{ v: 1, type: 'student.join', code: 'ABCDEF', nickname: 'x'.repeat(25) }, 'bad.message'],
      [{ v: 1, type: 'teacher.attach', token: 'short' }, 'bad.message'],
      [{ v: 1, type: 'seat.intent', intentId: 'short', move: { type: 'turn.end' } }, 'bad.message'],
      [
        { v: 1, type: 'seat.intent', intentId: 'abcdefgh', move: { type: 'turn.end', seat: 'ru' } },
        'bad.message',
      ],
      [
        { v: 1, type: 'seat.intent', intentId: 'abcdefgh', move: { type: 'event.inject', event: 'e' } },
        'bad.message',
      ],
      [{ v: 1, type: 'seat.intent', intentId: 'abcdefgh', move: { type: 'package.accept' } }, 'bad.message'],
      [
        { v: 1, type: 'teacher.create', scenario: 's', tables: 0, turnSeconds: null, difficulty: 'easy' },
        'bad.message',
      ],
      [{ v: 1, type: 'catalogue', pad: 'x'.repeat(MAX_MESSAGE_CHARS) }, 'too.large'],
    ];
    for (const [raw, code] of cases) {
      const r = parseClientMessage(raw);
      expect(r.ok, JSON.stringify(raw)).toBe(false);
      if (!r.ok) {
        expect(r.error.code, JSON.stringify(raw)).toBe(code);
        expect(r.error.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('never throws on anything JSON can carry', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = parseClientMessage(raw);
        if (!r.ok) expect(ERROR_CODES).toContain(r.error.code);
      }),
      { numRuns: 2000 },
    );
  });
});
