// The words for whom a delegation answers to come from the scenario: a party's `principal` picks them, in every
// language, and a scenario that says nothing keeps "capital".
import { afterAll, describe, expect, it } from 'vitest';
import { principalWords, setLanguage } from '../../src/i18n';
import { en } from '../../src/i18n/en';

describe("the principal's words", () => {
  afterAll(async () => {
    await setLanguage('en', false);
  });

  it('are the capital by default, the very strings the interface always showed', () => {
    const w = principalWords(undefined);
    expect(w.consult).toBe(en.table.consult);
    expect(w.instructions).toBe(en.brief.instructions);
    expect(w.belowMandate).toBe(en.cards.belowMandate);
    expect(w.canvasConsulting).toBe(en.canvas.consulting);
    expect(w.mandateMeaning).toBe(en.glossary.meanings.mandate);
    expect(principalWords('capital')).toEqual(w);
  });

  it('name a council or a government where the scenario says so, in every string', () => {
    for (const kind of ['council', 'government'] as const) {
      for (const [key, text] of Object.entries(principalWords(kind))) {
        expect(text, `${kind}.${key}`).toContain(kind);
        expect(text, `${kind}.${key}`).not.toContain('capital');
        if (kind === 'council') expect(text, `${kind}.${key}`).not.toContain('government');
      }
    }
  });

  it('follow the language', async () => {
    await setLanguage('uk', false);
    expect(principalWords('council').consult).toBe('Консультуватися з радою…');
    expect(principalWords(undefined).consult).toContain('столиц');
    await setLanguage('ru', false);
    expect(principalWords('government').consultYes).toBe('Да, проконсультироваться с правительством');
  });
});
