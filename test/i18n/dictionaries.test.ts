// Every interface string exists in Ukrainian and Russian, keeps English's placeholders, has every plural form the
// language needs, and is really translated: not left in English, not in the other language's letters.
import { describe, expect, it } from 'vitest';
import { ENGLISH_LOG, type LogPhrases } from '../../src/engine/transcript';
import { en } from '../../src/i18n/en';
import { fill, formatDateIn, formatNumber, isPlural, type Plural } from '../../src/i18n/format';
import { ruLog } from '../../src/i18n/log-ru';
import { ukLog } from '../../src/i18n/log-uk';
import { messages as ruMessages } from '../../src/i18n/ru';
import { messages as ukMessages } from '../../src/i18n/uk';

type Leaf = string | Plural;

/** key path → string or plural, for every leaf of a dictionary. */
function leaves(node: unknown, prefix = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  if (typeof node === 'string' || isPlural(node)) {
    out.set(prefix, node as Leaf);
    return out;
  }
  for (const [k, v] of Object.entries(node as Record<string, unknown>))
    for (const [p, l] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, l);
  return out;
}

const forms = (l: Leaf): string[] =>
  typeof l === 'string' ? [l] : [l.one, l.few, l.many, l.other].filter((x): x is string => x !== undefined);
const placeholders = (s: string): string[] => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
/** Words in Latin letters a translation may keep (a file type, a version mark). */
const LATIN_OK = new Set(['json', 'csv', 'v']);
/** A placeholder's name is no word of the text; an agreeing form's words (`{party|подписал|…}`) are. */
const latinWords = (s: string): string[] =>
  (
    s
      .replace(/\{\w+\}/g, '')
      .replace(/\{\w+\|/g, '{')
      .match(/[A-Za-z]{2,}/g) ?? []
  ).filter((w) => !LATIN_OK.has(w.toLowerCase()));

const english = leaves(en);
const languages = [
  { name: 'Ukrainian', dict: leaves(ukMessages), only: /[іїєґІЇЄҐ]/, foreign: /[ыэъёЫЭЪЁ]/ },
  { name: 'Russian', dict: leaves(ruMessages), only: /[ыэъёЫЭЪЁ]/, foreign: /[іїєґІЇЄҐ]/ },
];

describe('interface dictionaries', () => {
  it('English has a few hundred strings, every one non-empty', () => {
    expect(english.size).toBeGreaterThan(300);
    for (const [key, l] of english) for (const f of forms(l)) expect(f.trim(), key).not.toBe('');
  });

  for (const lang of languages) {
    describe(lang.name, () => {
      it('has every key English has, and no other', () => {
        const missing = [...english.keys()].filter((k) => !lang.dict.has(k));
        const extra = [...lang.dict.keys()].filter((k) => !english.has(k));
        expect(missing).toEqual([]);
        expect(extra).toEqual([]);
      });

      it('keeps the placeholders of every English string, in every plural form', () => {
        for (const [key, l] of english) {
          const want = placeholders(forms(l).join(' '));
          for (const f of forms(lang.dict.get(key) ?? '')) {
            // A plural's form may leave out {n} (e.g. "one") only where English does too.
            expect(placeholders(f), `${key}: ${f}`).toEqual(
              want.filter(
                (p) => p !== '{n}' || f.includes('{n}') || !forms(l).every((x) => x.includes('{n}')),
              ),
            );
          }
        }
      });

      it('gives the one, few, many and other forms of every plural', () => {
        for (const [key, l] of english) {
          if (typeof l === 'string') continue;
          const t = lang.dict.get(key);
          expect(isPlural(t), key).toBe(true);
          const p = t as Plural;
          for (const form of ['one', 'few', 'many', 'other'] as const)
            expect(p[form], `${key}.${form}`).toBeTruthy();
        }
      });

      it('is translated: no string left as in English, none in English words or the other language', () => {
        const same: string[] = [];
        const latin: string[] = [];
        const foreign: string[] = [];
        for (const [key, l] of english) {
          const t = lang.dict.get(key);
          if (t === undefined) continue;
          for (const [i, f] of forms(t).entries()) {
            const e = forms(l)[Math.min(i, forms(l).length - 1)] ?? '';
            // Strings with no word in them ("{party} (AI)" aside) may read the same in any language.
            if (f === e && /[A-Za-z]{2,}/.test(e.replace(/\{\w+\}/g, ''))) same.push(key);
            if (latinWords(f).length) latin.push(`${key}: ${f}`);
            if (lang.foreign.test(f)) foreign.push(`${key}: ${f}`);
          }
        }
        expect(same).toEqual([]);
        expect(latin).toEqual([]);
        expect(foreign).toEqual([]);
        // And it is the language it says: its own letters appear throughout.
        const own = [...lang.dict.values()].flatMap(forms).filter((f) => lang.only.test(f)).length;
        expect(own).toBeGreaterThan(lang.dict.size / 4);
      });
    });
  }
});

/** Sample arguments for every log phrase: each one is called and compared across languages. */
const SAMPLES: { [K in keyof LogPhrases]: Parameters<LogPhrases[K]> } = {
  list: [['A', 'B', 'C']],
  date: ['2025-12-02'],
  gameStarted: ['42', ['A', 'B']],
  meetingOpened: ['Geneva', '2 December 2025', ['A', 'B'], ['P1', 'P2']],
  timeRanOut: ['A'],
  endsTurn: ['A'],
  openingText: ['A', 14, 4],
  openingDetail: ['P', [['I', 'O']]],
  amendmentName: ['A', 3, 'I → O'],
  amendmentUnseen: [3],
  amendmentFrom: ['X', 'Geneva'],
  published: ['A', 4, ['P1', 'P2'], ['X'], ['Y']],
  change: ['I', 'O1', 'O2'],
  changes: [[['I', 'O']]],
  accepted: ['A', 'P', 3, [{ pkg: 'Q', version: 3 }]],
  rejected: ['A', 'P', 3],
  acceptanceLapsed: ['A', 'P', 'because'],
  lapseCause: ['P', 4, true],
  amendmentProposed: ['A', 2, 'P', 'I → O'],
  signalSent: ['A', 'priority', 'I', 'O', 'all', 'message'],
  amendmentLapsed: ['A', 2, 'P'],
  unseenAmendmentOf: ['A'],
  proposalOf: ['A', 'conditional'],
  answered: ['A', 'countered', 'X', 'I → O', 'I → O'],
  capitalConsulted: ['A', 'P'],
  capitalReplied: ['A', true, 'P', 40],
  signed: ['A', 5],
  signatureLapsed: ['A', 5],
  commitmentBroken: ['A', 'commitment', 'signed', 'I', 'O', 8, 10],
  ratification: [5, [{ party: 'A', passed: false, failed: ['Council'] }]],
  news: [true, 'Title', 'Text.'],
  walkedAway: ['A'],
  meetingClosed: [['P']],
  absentMustAccept: [['A'], ['P'], ['B']],
  outcome: ['deal', 'Summary.', { version: 5, walkedAwayBy: null, ratificationFailed: false }],
  outcomeResult: ['A', 6000, 4000, 50],
  privateNote: ['A', 'note'],
};

describe('move-log phrases', () => {
  for (const [name, log, own] of [
    ['Ukrainian', ukLog, /[іїєґ]/],
    ['Russian', ruLog, /[ыэъё]|ия|ает/],
  ] as const) {
    it(`${name}: every sentence differs from English and carries no English word`, () => {
      const words = /\b(?:and|the|of|to|on|in|with|its|accepts?|rejects?|signs?|meets?|only|if)\b/;
      let ownLetters = 0;
      for (const key of Object.keys(SAMPLES) as Array<keyof LogPhrases>) {
        const args = SAMPLES[key] as unknown as never[];
        const e = (ENGLISH_LOG[key] as (...a: never[]) => string)(...args);
        const t = (log[key] as (...a: never[]) => string)(...args);
        if (key !== 'changes' && key !== 'change' && key !== 'openingDetail') expect(t, key).not.toBe(e);
        expect(words.test(t), `${key}: ${t}`).toBe(false);
        if (own.test(t)) ownLetters++;
      }
      expect(ownLetters).toBeGreaterThan(10);
    });
  }
});

describe('numbers, dates and plurals per locale', () => {
  it('writes numbers and dates the language’s way', () => {
    expect(formatNumber('en', 10000)).toBe('10,000');
    expect(formatNumber('uk', 10000).replace(/\s/g, ' ')).toBe('10 000');
    expect(formatNumber('ru', 10000).replace(/\s/g, ' ')).toBe('10 000');
    expect(formatDateIn('en', '2025-12-02', true)).toBe('2 December 2025');
    expect(formatDateIn('en', '2025-12-02')).toBe('2 Dec 2025');
    expect(formatDateIn('uk', '2025-12-02', true)).toMatch(/^2 грудня 2025/);
    expect(formatDateIn('ru', '2025-12-02', true)).toMatch(/^2 декабря 2025/);
  });

  it('picks the plural form by the number', () => {
    const p = ukMessages.table.moreMeetings;
    expect(fill('uk', p, { n: 1 })).toBe('Ще 1 зустріч після цієї');
    expect(fill('uk', p, { n: 3 })).toBe('Ще 3 зустрічі після цієї');
    expect(fill('uk', p, { n: 5 })).toBe('Ще 5 зустрічей після цієї');
    expect(fill('ru', ruMessages.table.moreMeetings, { n: 21 })).toBe('Ещё 21 встреча после этой');
    expect(fill('en', en.table.moreMeetings, { n: 2 })).toBe('2 more meetings after this one');
  });
});

describe('the type-check', () => {
  it('refuses a dictionary that lacks a key (checked by `npm run typecheck`)', () => {
    const { newGame: _dropped, ...table } = ukMessages.table;
    // @ts-expect-error table.newGame is missing: a dictionary without it is not a Messages.
    const broken: import('../../src/i18n/en').Messages = { ...ukMessages, table };
    expect(Object.hasOwn(broken.table, 'newGame')).toBe(false);
  });
});
