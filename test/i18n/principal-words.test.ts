// The words for whom a delegation answers to come from the scenario: a party's `principal` picks them, in every
// language, and a scenario that says nothing keeps "capital".
import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH_LOG } from '../../src/engine/transcript';
import { principalWords, setLanguage } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { ruLog } from '../../src/i18n/log-ru';
import { ukLog } from '../../src/i18n/log-uk';

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

  it('name the principal in the move log too', () => {
    expect(ENGLISH_LOG.capitalConsulted('Tarra', 'Reef')).toBe(
      'Tarra consults its capital on Reef and sits out the rest of this meeting',
    );
    expect(ENGLISH_LOG.capitalConsulted('Tarra', 'Reef', 'council')).toContain('consults its council');
    expect(ENGLISH_LOG.capitalReplied('Tarra', true, 'Reef', 40, 'government')).toMatch(
      /^Tarra's government widens/,
    );
    expect(ukLog.capitalConsulted('Тарра', 'Риф', 'council')).toContain('консультується з радою');
    expect(ruLog.capitalReplied('Тарра', false, 'Риф', 40, 'government')).toContain(
      'правительство сохраняет',
    );
  });
});
