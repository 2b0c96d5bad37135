// Words that agree with a party's name in Ukrainian and Russian: "США предложили" (plural), "Россия предложила"
// (feminine). A scenario says how each name agrees, per language; left out, the name's ending decides.
import { describe, expect, it } from 'vitest';
import { fill, guessAgreement, isPlural, type Named, type Plural } from '../../src/i18n/format';
import { ruLog } from '../../src/i18n/log-ru';
import { ukLog } from '../../src/i18n/log-uk';
import { messages as ruMessages } from '../../src/i18n/ru';
import { messages as ukMessages } from '../../src/i18n/uk';
import { localizeScenario } from '../../src/scenario/localize';
import { ScenarioSchema } from '../../src/scenario/schema';
import { loadFixture } from '../engine/fixtures';

const miami = loadFixture('assets/scenarios/miami-2025.yaml');
const US: Named = { text: 'США', agreement: 'plural' };
const RU: Named = { text: 'Россия', agreement: 'feminine' };

/** Every string of a dictionary, with its key path. */
function strings(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  if (isPlural(node))
    return Object.entries(node as Plural).map(
      ([form, s]) => [`${prefix}.${form}`, s as string] as [string, string],
    );
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    strings(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('agreement with party names', () => {
  it('the debrief says "США подписали" / "США запропонували", "Россия подписала"', () => {
    const r = ruMessages.debrief;
    expect(fill('ru', r.signedEarlier, { party: US, version: 3 })).toBe('США подписали v3');
    expect(fill('ru', r.signedEarlier, { party: RU, version: 3 })).toBe('Россия подписала v3');
    expect(fill('ru', r.moves.amended, { party: US, package: 'Территория' })).toBe(
      'предложили поправку к пакету «Территория»',
    );
    expect(fill('ru', r.moves.amended, { party: RU, package: 'Территория' })).toBe(
      'предложила поправку к пакету «Территория»',
    );
    expect(fill('ru', r.moves.signal.commitment, { party: US, what: 'x' })).toBe('публично обязались: x');
    expect(fill('ru', r.gotSome, { party: US, value: 40, best: 100, option: 'x' })).toBe(
      'США получают 40 из 100 (хотели «x»)',
    );
    expect(fill('ru', r.gotFavourite, { n: 1, parties: US })).toBe('США получают свой любимый вариант');
    const u = ukMessages.debrief;
    expect(
      fill('uk', u.moves.amended, { party: { text: 'США', agreement: 'plural' }, package: 'Територія' }),
    ).toBe('запропонували поправку до пакета «Територія»');
    expect(fill('uk', u.moves.walked, { party: { text: 'Україна', agreement: 'feminine' } })).toBe(
      'вийшла з переговорів',
    );
    expect(
      fill('uk', u.signedEarlier, {
        party: { text: 'Сполучене Королівство', agreement: 'neuter' },
        version: 2,
      }),
    ).toBe('Сполучене Королівство підписало v2');
    expect(fill('ru', ruMessages.said.probeSaid, { party: US })).toBe(
      'США ещё не подписали; мы движемся к тому, чего они, похоже, хотят.',
    );
    // Absent from the meeting: one party that is plural still takes the plural.
    expect(fill('ru', ruMessages.cards.absentOnly, { n: 1, parties: US })).toContain(
      'только когда его примут и США, не участвующие в этой встрече.',
    );
  });

  it('the move log: an absent "США" must accept too in the plural, as the scenario says', () => {
    expect(ruLog.absentMustAccept(['Украина', 'Россия'], ['Территория'], ['США'], ['plural'])).toContain(
      'США (не на этой встрече) тоже должны это принять',
    );
    expect(ruLog.absentMustAccept(['США'], ['Территория'], ['Россия'])).toContain('тоже должна это принять');
    expect(ruLog.absentMustAccept(['США'], ['Территория'], ['Казахстан'])).toContain(
      'тоже должен это принять',
    );
    expect(ukLog.absentMustAccept(['Україна'], ['Територія'], ['США'], ['plural'])).toContain(
      'США (не на цій зустрічі) теж мають це прийняти',
    );
    expect(ukLog.absentMustAccept(['США'], ['Територія'], ['Росія'])).toContain('теж має це прийняти');
  });

  it('every agreeing form in Ukrainian and Russian gives masculine, feminine, neuter and plural', () => {
    for (const [lang, dict] of [
      ['uk', ukMessages],
      ['ru', ruMessages],
    ] as const) {
      let count = 0;
      for (const [key, s] of strings(dict))
        for (const m of s.matchAll(/\{(\w+)\|([^{}]*)\}/g)) {
          count++;
          expect(m[2]?.split('|'), `${lang} ${key}: ${m[0]}`).toHaveLength(4);
        }
      expect(count, lang).toBeGreaterThan(25);
    }
  });

  it('guesses a name’s agreement from its words when the scenario does not say', () => {
    expect(guessAgreement('ru', 'Соединённые Штаты')).toBe('plural');
    expect(guessAgreement('uk', 'Сполучені Штати')).toBe('plural');
    expect(guessAgreement('ru', 'Россия')).toBe('feminine');
    expect(guessAgreement('uk', 'Україна')).toBe('feminine');
    expect(guessAgreement('ru', 'Российская Федерация')).toBe('feminine');
    expect(guessAgreement('ru', 'Республика Аурель')).toBe('feminine');
    expect(guessAgreement('ru', 'Соединённое Королевство')).toBe('neuter');
    expect(guessAgreement('uk', 'Сполучене Королівство')).toBe('neuter');
    expect(guessAgreement('ru', 'Казахстан')).toBe('masculine');
    expect(guessAgreement('ru', 'Европейский союз')).toBe('masculine');
    // A plain string placeholder is guessed too: a full name agrees as it should without the scenario's help.
    expect(fill('ru', ruMessages.debrief.signedEarlier, { party: 'Соединённые Штаты', version: 1 })).toBe(
      'Соединённые Штаты подписали v1',
    );
  });

  it('the default scenario says how its names agree in Ukrainian and Russian; a translation’s name drops the default language’s agreement', () => {
    const agreement = (lang: string) =>
      Object.fromEntries(localizeScenario(miami, lang).parties.map((p) => [p.id, p.agreement]));
    expect(agreement('ru')).toEqual({ us: 'plural', ua: 'feminine', ru: 'feminine' });
    expect(agreement('uk')).toEqual({ us: 'plural', ua: 'feminine', ru: 'feminine' });
    expect(agreement('en')).toEqual({ us: undefined, ua: undefined, ru: undefined });
    // A scenario written in Russian says "plural" for its own name; its Ukrainian name (without a word on
    // agreement) is guessed instead of taking the Russian one.
    const written = {
      ...miami,
      parties: miami.parties.map((p) => (p.id === 'ru' ? { ...p, agreement: 'plural' as const } : p)),
    };
    expect(localizeScenario(written, 'uk').parties.find((p) => p.id === 'ru')?.agreement).toBe('feminine');
    const stripped = {
      ...written,
      translations: {
        ...written.translations,
        uk: {
          ...written.translations?.uk,
          parties: { ...written.translations?.uk?.parties, ru: { name: 'Росія' } },
        },
      },
    };
    expect(localizeScenario(stripped, 'uk').parties.find((p) => p.id === 'ru')?.agreement).toBeUndefined();
  });

  it('a bad agreement in a scenario is refused with a clear message', () => {
    const bad = structuredClone(miami) as unknown as {
      translations: { ru: { parties: { us: { agreement: string } } } };
    };
    bad.translations.ru.parties.us.agreement = 'plur';
    const r = ScenarioSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => i.path.join('.') === 'translations.ru.parties.us.agreement');
    expect(issue?.message).toBe(
      'agreement is one of masculine, feminine, neuter or plural (how verbs agree with the name)',
    );
    const badParty = structuredClone(miami) as unknown as { parties: Array<{ agreement?: string }> };
    (badParty.parties[0] as { agreement?: string }).agreement = 'female';
    expect(ScenarioSchema.safeParse(badParty).error?.issues[0]?.path).toEqual(['parties', 0, 'agreement']);
  });
});
