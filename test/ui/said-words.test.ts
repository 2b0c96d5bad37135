// The AI delegations' reasons in Ukrainian and Russian: every sentence an AI says carries a structured form, and
// every such form is put into words in each language, with the scenario's own names, and no English left.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import type { SaidPart } from '../../src/engine/said';
import { eventsOf, type GameEvent } from '../../src/engine/state';
import { setLanguage } from '../../src/i18n';
import { localizeScenario } from '../../src/scenario/localize';
import type { Scenario } from '../../src/scenario/schema';
import { notesInWords, reasonWords, refusalWords, saidInWords } from '../../src/ui/said-words';
import { loadFixture } from '../engine/fixtures';

/** The AI's private notes of the same games, by scenario. */
const allNotes = new Map<Scenario, Array<{ e: GameEvent; said: SaidPart[] }>>();
const source = loadFixture('test/fixtures/harbour-translated.yaml');
const miami = loadFixture('assets/scenarios/miami-2025.yaml');

/** Reasons of AI games, at every difficulty and the given seeds. */
function reasons(scenario: Scenario, seeds: number[]): Array<{ e: GameEvent; said: SaidPart[] }> {
  const out: Array<{ e: GameEvent; said: SaidPart[] }> = [];
  const notes: Array<{ e: GameEvent; said: SaidPart[] }> = [];
  allNotes.set(scenario, notes);
  for (const difficulty of ['easy', 'medium', 'hard'] as const)
    for (const seed of seeds) {
      const { state } = playAiGame(scenario, seed, difficulty);
      for (const e of eventsOf(state))
        if (e.reason?.public) {
          expect(e.reason.said, `${e.type}: ${e.reason.public}`).toBeDefined();
          out.push({ e, said: e.reason.said ?? [] });
        }
      for (const e of eventsOf(state))
        if (e.private?.note) {
          expect(e.private.said, `${e.type}: ${e.private.note}`).toBeDefined();
          notes.push({ e, said: e.private.said ?? [] });
        }
    }
  return out;
}

const all = reasons(source, [1, 7, 42]);
/** The default scenario's games use more kinds of sentence (a mediator, bilateral meetings, capitals). */
const more = reasons(miami, [3]);
/** Words of the scenario's own texts may be in any letters; the sentences around them may not be English. */
const LATIN = /[A-Za-z]{2,}/g;

describe('the AI’s reasons per language', () => {
  it('every public reason has a structured form, and the games use many kinds of sentence', () => {
    expect(all.length).toBeGreaterThan(100);
    const kinds = new Set([...all, ...more].flatMap((r) => r.said.map((p) => p.k)));
    expect(kinds.size, [...kinds].join(' ')).toBeGreaterThanOrEqual(18);
  });

  it('every reason of the default scenario’s games is said in Ukrainian and Russian', async () => {
    for (const lang of ['uk', 'ru'] as const) {
      await setLanguage(lang, false);
      const scenario = localizeScenario(miami, lang);
      for (const { e, said } of more)
        expect(saidInWords(scenario, said), `${e.type}: ${JSON.stringify(said)}`).not.toBeNull();
      for (const { e, said } of allNotes.get(miami) ?? [])
        expect(notesInWords(scenario, said), `${e.type}: ${JSON.stringify(said)}`).not.toBeNull();
    }
    await setLanguage('en', false);
  });

  for (const [lang, own, foreign] of [
    ['uk', /[іїєґ]/, /[ыэъё]/],
    ['ru', /[ыэъё]|ие|ая/, /[іїєґ]/],
  ] as const) {
    it(`${lang}: every reason is said in the language, with the translated names`, async () => {
      await setLanguage(lang, false);
      const scenario: Scenario = localizeScenario(source, lang);
      let ownLetters = 0;
      for (const { e, said } of all) {
        const words = saidInWords(scenario, said);
        expect(words, `${e.type}: ${JSON.stringify(said)}`).not.toBeNull();
        const text = words ?? '';
        expect(text, e.reason?.public).not.toBe(e.reason?.public);
        // No English: every Latin word left is the version mark v.
        expect(
          (text.match(LATIN) ?? []).filter((w) => w !== 'v'),
          text,
        ).toEqual([]);
        expect(foreign.test(text), text).toBe(false);
        if (own.test(text)) ownLetters++;
        expect(reasonWords(scenario, e.reason?.public ?? '', said)).toBe(text);
      }
      expect(ownLetters).toBeGreaterThan(all.length / 2);
      // The private notes the debrief reveals: said in the language too, figures and all.
      const notes = allNotes.get(source) ?? [];
      expect(notes.length).toBeGreaterThan(50);
      for (const { e, said } of notes) {
        const text = notesInWords(scenario, said);
        expect(text, `${e.type}: ${JSON.stringify(said)}`).not.toBeNull();
        expect((text ?? '').match(LATIN) ?? [], text ?? '').toEqual(
          ((text ?? '').match(LATIN) ?? []).filter((w) => w === 'v'),
        );
        expect(foreign.test(text ?? ''), text ?? '').toBe(false);
      }
      // A refused move: the engine's code, said in the language.
      const refused = refusalWords({ code: 'not.your.turn', message: "it is north's turn, not south's" });
      expect(refused).not.toMatch(LATIN);
      expect(refused.length).toBeGreaterThan(5);
    });
  }

  it('in English the structured form says what the delegation said (up to apostrophes and list commas)', async () => {
    await setLanguage('en', false);
    const plain = (text: string) => text.replaceAll('’', "'").replaceAll('; ', ', ');
    for (const [scenario, reasons] of [
      [source, all],
      [miami, more],
    ] as const)
      for (const { e, said } of reasons)
        expect(plain(saidInWords(scenario, said) ?? ''), e.type).toBe(plain(e.reason?.public ?? ''));
    // An amendment's second option is "in return" only when it costs the asker something; one the asker gains from
    // as well is "with it" (both occur in the default scenario's game).
    const asks = more.flatMap((r) => r.said.filter((p) => p.k === 'ask' && p.giveIssue));
    expect(asks.some((p) => p.alsoOurs === true)).toBe(true);
    expect(more.some((r) => r.e.reason?.public?.includes(', and with it ‘'))).toBe(true);
  });

  it('English keeps the delegation’s own words; an unknown sentence or id falls back to them', async () => {
    await setLanguage('en', false);
    const { e, said } = all[0]!;
    expect(reasonWords(source, e.reason?.public ?? '', said)).toBe(e.reason?.public);
    await setLanguage('uk', false);
    expect(reasonWords(source, 'Words.', [{ k: 'no-such-sentence' }])).toBe('Words.');
    expect(reasonWords(source, 'Words.', [{ k: 'accept', pkg: 'no-such-package', v: 2 }])).toBe('Words.');
    expect(refusalWords({ code: 'no.such.code', message: 'x' })).toBe('хід відхилено');
    await setLanguage('en', false);
  });
});
