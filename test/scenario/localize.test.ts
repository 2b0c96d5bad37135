// Scenario texts per language: a translation replaces display texts by id, falls back to the default language for
// anything it leaves out, never changes ids or numbers, and names only what the scenario has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioDigest } from '../../src/engine/game-log';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load';
import { localizeScenario, sourceOf, untranslated } from '../../src/scenario/localize';
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
      Object.entries(p.preferences).map(([issue, pref]) => [issue, pref.weight, pref.values, pref.sources]),
      p.reservation,
      p.mandate,
      p.redLines.map((r) => [r.id, r.when]),
      p.ratification.map((c) => [c.id, c.kind]),
    ]),
    initialText: s.initialText,
    events: s.events.map((e) => [
      e.id,
      e.at,
      e.effects.map((x) => (x.type === 'addOption' ? [x.issue, x.option.id, x.option.sources, x.values] : x)),
    ]),
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

  it("checks the ids of source notes, attendance, reasons, interests and teachers' notes", () => {
    const r = loadScenario(
      text
        .replace(
          '    parties:\n      north: { name: Нортпорт',
          '    sourceNotes: { town-records: Вигадані., town-recs: Вигадані. }\n    parties:\n      north: { name: Нортпорт',
        )
        .replace(
          '      m1: { venue: Ратуша }',
          '      m1: { venue: Ратуша, attendance: { north: [Начальник гавані] } }',
        )
        .replace(
          '        interests: [Нортпорт прагне великої частки улову., Нортпорт хоче довгого сезону.]',
          '        interests: [Нортпорт прагне великої частки улову.]\n        rationales: { quota: Прибуток флоту., quotaa: Прибуток. }',
        )
        .replace(
          '      contentNote: Вигадана суперечка для тестів.',
          '      contentNote: Вигадана суперечка для тестів.\n      teacherNotes: [{ topic: Тема }]',
        ),
      FILE,
    );
    const messages = r.ok ? [] : r.errors.map((d) => formatDiagnostic(d));
    expect(messages).toEqual([
      expect.stringMatching(/teacherNotes: 1 teachers' notes for 0$/),
      expect.stringMatching(/sourceNotes\.town-records: source "town-records" has no note to translate$/),
      expect.stringMatching(/sourceNotes\.town-recs: unknown source "town-recs"/),
      expect.stringMatching(
        /attendance\.north: meeting "m1" records no attendance for "north" to translate$/,
      ),
      expect.stringMatching(/interests: 1 interests for a brief of 2: give them all/),
      expect.stringMatching(/rationales\.quotaa: unknown issue in the preferences of "north" "quotaa"/),
    ]);
  });

  it('lists what a translation leaves in the default language', () => {
    const missing = untranslated(scenario, 'uk');
    // The quota labels read the same in every language; the harbour gives no reasons in Ukrainian.
    expect(missing).toEqual(
      expect.arrayContaining(['issues.quota.options.q70.label', 'briefs.north.rationales.quota']),
    );
    expect(missing).not.toContain('issues.season.options.long.label');
    expect(untranslated(scenario, 'de')).toContain('meta.title');
  });
});

describe('the default scenario in Ukrainian (and Russian)', () => {
  const DEFAULT = 'assets/scenarios/miami-2025.yaml';
  const r = loadScenario(readFileSync(DEFAULT, 'utf8'), DEFAULT);
  if (!r.ok) throw new Error(r.errors.map((d) => formatDiagnostic(d)).join('\n'));
  const miami = r.scenario;
  const uk = localizeScenario(miami, 'uk');

  it('gives every text a player or a teacher reads, in Ukrainian and in Russian', () => {
    expect(untranslated(miami, 'uk')).toEqual([]);
    expect(untranslated(miami, 'ru')).toEqual([]);
  });

  it('fails when a single text is missing', () => {
    const copy: Scenario = structuredClone(miami);
    const tr = copy.translations?.uk;
    delete tr?.briefs?.ru?.rationales?.g8;
    delete tr?.issues?.donetsk?.options?.['free-economic-zone']?.label;
    tr?.calendar?.['abu-dhabi-1']?.attendance?.ua?.pop();
    expect(untranslated(copy, 'uk')).toEqual([
      'calendar.abu-dhabi-1.attendance.ua.4',
      'issues.donetsk.options.free-economic-zone.label',
      'briefs.ru.rationales.g8',
    ]);
  });

  it.each(['uk', 'ru'])(
    'is in %s where it shows: each text in Cyrillic and none left as the English',
    (lang) => {
      const uk = localizeScenario(miami, lang);
      const pairs: Array<[string, string, string]> = [];
      const pair = (at: string, en: string | undefined, ua: string | undefined) => {
        if (en !== undefined) pairs.push([at, en, ua ?? '']);
      };
      pair('title', miami.meta.title, uk.meta.title);
      pair('summary', miami.meta.summary, uk.meta.summary);
      pair('content note', miami.meta.contentNote, uk.meta.contentNote);
      miami.meta.teacherNotes?.forEach((n, i) => {
        pair(`teacher note ${i}`, n.text, uk.meta.teacherNotes?.[i]?.text);
      });
      miami.meta.sources.forEach((s, i) => {
        pair(`source note ${s.id}`, s.note, uk.meta.sources[i]?.note);
      });
      miami.parties.forEach((p, i) => {
        pair(`party ${p.id}`, p.name, uk.parties[i]?.name);
        p.delegation.forEach((d, j) => {
          pair(`role ${p.id} ${j}`, d.role, uk.parties[i]?.delegation[j]?.role);
        });
      });
      miami.packages.forEach((p, i) => {
        pair(`package ${p.id}`, p.description, uk.packages[i]?.description);
        p.issues.forEach((issue, j) => {
          pair(`issue ${issue.id}`, issue.name, uk.packages[i]?.issues[j]?.name);
          issue.options.forEach((o, k) => {
            const l = uk.packages[i]?.issues[j]?.options[k];
            pair(`option ${o.id}`, o.label, l?.label);
            pair(`status ${o.id}`, o.status, l?.status);
          });
        });
      });
      miami.calendar.forEach((m, i) => {
        pair(`note ${m.id}`, m.note, uk.calendar[i]?.note);
        for (const [party, roles] of Object.entries(m.attendance ?? {}))
          roles.forEach((role, j) => {
            pair(`attendance ${m.id} ${party}`, role, uk.calendar[i]?.attendance?.[party]?.[j]);
          });
      });
      miami.events.forEach((e, i) => {
        pair(`event ${e.id}`, e.text, uk.events[i]?.text);
        pair(`event debrief ${e.id}`, e.debrief, uk.events[i]?.debrief);
      });
      for (const [party, p] of Object.entries(miami.profiles)) {
        const l = uk.profiles[party];
        pair(`brief ${party}`, p.brief.summary, l?.brief.summary);
        for (const [issue, pref] of Object.entries(p.preferences))
          pair(`reason ${party} ${issue}`, pref.rationale, l?.preferences[issue]?.rationale);
        p.ratification.forEach((c, i) => {
          pair(`check ${c.id}`, c.body, l?.ratification[i]?.body);
        });
      }
      pair('epilogue', miami.epilogue.text, uk.epilogue.text);
      expect(pairs.length).toBeGreaterThan(250);
      const wrong = pairs.filter(([, en, ua]) => ua === en || !/[а-яіїєґё]{3}/i.test(ua)).map(([at]) => at);
      expect(wrong).toEqual([]);
      // A glossary is a whole in one language: no English term is left among the Ukrainian ones.
      expect(Object.keys(uk.glossary ?? {}).filter((term) => !/[а-яіїєґ]/i.test(term))).toEqual(['BATNA']);
    },
  );

  it('keeps the sources as published, the content note naming the full-scale invasion, and the numbers', () => {
    miami.meta.sources.forEach((s, i) => {
      expect(uk.meta.sources[i]?.title).toBe(s.title);
      expect(uk.meta.sources[i]?.publisher).toBe(s.publisher);
    });
    expect(uk.meta.contentNote).toMatch(
      /У лютому 2022 року Росія розпочала повномасштабне вторгнення в Україну/,
    );
    expect(localizeScenario(miami, 'ru').meta.contentNote).toMatch(
      /В феврале 2022 года Россия начала полномасштабное вторжение в Украину/,
    );
    expect(skeleton(uk)).toEqual(skeleton(miami));
    expect(scenarioDigest(uk)).toBe(scenarioDigest(miami));
    // A browser holds a scenario's other languages only once a player picks one: the log names the same scenario.
    const { translations: _all, ...bare } = miami;
    expect(scenarioDigest(bare)).toBe(scenarioDigest(miami));
    expect(scenarioDigest({ ...bare, translations: { ru: miami.translations?.ru ?? {} } })).toBe(
      scenarioDigest(miami),
    );
  });
});
