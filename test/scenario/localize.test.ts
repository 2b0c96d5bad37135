// Scenario texts per language: a translation replaces display texts by id, falls back to the default language for
// anything it leaves out, never changes ids or numbers, and names only what the scenario has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioDigest } from '../../src/engine/game-log';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load';
import { localizeScenario, sourceOf } from '../../src/scenario/localize';
import type { Scenario } from '../../src/scenario/schema';

const FILE = 'test/fixtures/harbour-translated.yaml';
const text = readFileSync(FILE, 'utf8');

function load(source: string): Scenario {
  const r = loadScenario(source, FILE);
  if (!r.ok) throw new Error(r.errors.map((d) => formatDiagnostic(d)).join('\n'));
  return r.scenario;
}

/** Every number and id of a scenario, without its words. */
function skeleton(s: Scenario): unknown {
  return {
    parties: s.parties.map((p) => [p.id, p.color, p.delegation.length]),
    packages: s.packages.map((p) => [p.id, p.issues.map((i) => [i.id, i.options.map((o) => o.id)])]),
    calendar: s.calendar.map((m) => [m.id, m.date, m.participants, m.agenda, m.turns]),
    profiles: Object.entries(s.profiles).map(([id, p]) => [
      id,
      p.preferences,
      p.reservation,
      p.mandate,
      p.redLines.map((r) => [r.id, r.when]),
      p.ratification.map((c) => [c.id, c.kind]),
    ]),
    initialText: s.initialText,
    events: s.events.map((e) => [e.id, e.at, e.effects]),
  };
}

describe('scenario translations', () => {
  const scenario = load(text);

  it('gives the Ukrainian and Russian names, labels, descriptions and brief paragraphs', () => {
    const uk = localizeScenario(scenario, 'uk');
    expect(uk.meta.title).toBe('Суперечка за гавань трьома мовами (тестовий сценарій)');
    expect(uk.parties.map((p) => p.name)).toEqual(['Нортпорт', 'Саутбей']);
    expect(uk.parties[1]?.delegation.map((d) => d.role)).toEqual(['Мер', 'Скарбник']);
    expect(uk.packages.map((p) => p.name)).toEqual(['Рибальство', 'Причал', 'Торгівля']);
    expect(uk.packages[1]?.issues[1]?.options.map((o) => o.label)).toEqual(['Відбудувати', 'Лише ремонт']);
    expect(uk.calendar.map((m) => m.venue)).toEqual(['Ратуша', 'Маяк', 'Ратуша', 'Маяк']);
    expect(uk.events[0]?.title).toBe('Шторм пошкодив причал');
    expect(uk.profiles.north?.brief.summary).toBe('Ви представляєте флот Нортпорта.');
    expect(uk.profiles.south?.redLines[0]?.description).toMatch(/^Саутбей ніколи не підпише/);
    expect(uk.profiles.south?.ratification[0]?.body).toBe('Обласна влада');
    const ru = localizeScenario(scenario, 'ru');
    expect(ru.parties.map((p) => p.shortName)).toEqual(['Север', 'Юг']);
    expect(ru.epilogue.text).toBe('Городки нашли способ договориться — или нет.');
  });

  it('falls back to the default language for what a translation leaves out', () => {
    const uk = localizeScenario(scenario, 'uk');
    // The quota options keep their labels ("70/30" reads the same in every language).
    expect(uk.packages[0]?.issues[0]?.options.map((o) => o.label)).toEqual(['70/30', '50/50', '30/70']);
    // A source's title is not translated.
    expect(uk.meta.sources).toEqual(scenario.meta.sources);
    // A language the scenario does not have: the scenario as written; a region falls back to its language.
    expect(localizeScenario(scenario, 'de')).toBe(scenario);
    expect(localizeScenario(scenario, 'uk-UA').meta.title).toBe(uk.meta.title);
  });

  it('changes words only: ids, numbers, conditions and the game-log digest stay the same', () => {
    for (const lang of ['uk', 'ru']) {
      const l = localizeScenario(scenario, lang);
      expect(skeleton(l)).toEqual(skeleton(scenario));
      expect(sourceOf(l)).toBe(scenario);
      expect(scenarioDigest(l)).toBe(scenarioDigest(scenario));
      // Localising a localised copy starts again from the scenario as written.
      expect(localizeScenario(l, 'en')).toBe(scenario);
    }
  });

  it('names only what the scenario has, with the line and column of the key to fix', () => {
    const broken = text
      .replace('      fishing: { name: Рибальство,', '      fishin: { name: Рибальство,')
      .replace('          q50: { description: Рівний поділ.', '          q55: { description: Рівний поділ.')
      .replace('        redLines: { no-small-quota: Нортпорт', '        redLines: { no-small-quot: Нортпорт')
      .replace(
        '      m4: { venue: Маяк }\n    events:\n      storm: { title: Шторм пошкодив',
        '      m9: { venue: Маяк }\n    events:\n      storm: { title: Шторм пошкодив',
      );
    const r = loadScenario(broken, FILE);
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.errors.map((d) => formatDiagnostic(d));
    const lineOf = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`:${lineOf('fishin: {')}:\\d+: .*unknown package "fishin"`)),
        expect.stringMatching(new RegExp(`:${lineOf('q55: {')}:\\d+: .*unknown option of "quota" "q55"`)),
        expect.stringMatching(/unknown red line of "north" "no-small-quot"/),
        expect.stringMatching(/unknown meeting "m9"/),
      ]),
    );
    expect(messages).toHaveLength(4);
  });

  it('refuses a bad language code and a role list longer than the delegation', () => {
    const r = loadScenario(
      text
        .replace('translations:\n  uk:', 'translations:\n  Ukrainian:')
        .replace('roles: [Мер, Скарбник]', 'roles: [Мер, Скарбник, Секретар]'),
      FILE,
    );
    const messages = r.ok ? [] : r.errors.map((d) => formatDiagnostic(d)).join('\n');
    expect(messages).toMatch(/"Ukrainian" is not a language code: write it like "uk"/);
    expect(messages).toMatch(/3 role titles for a delegation of 2/);
  });
});
