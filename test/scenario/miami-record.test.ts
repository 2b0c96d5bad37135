// The default scenario against the public record of 6 December 2025 (issue 8). Each assertion fails on the value
// the scenario had before it was corrected; the comment above each says what that was.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import type { Condition, Profile, Scenario, Text } from '../../src/scenario/schema';
import { crossedRedLines, runCheck, utilityOf } from '../../src/scenario/utility';
import { miami } from '../engine/fixtures';

const sc: Scenario = miami();
const asOf = sc.meta.asOf;
const profile = (party: string): Profile => {
  const p = sc.profiles[party];
  if (!p) throw new Error(`no profile for ${party}`);
  return p;
};
const value = (party: string, issue: string, option: string) =>
  profile(party).preferences[issue]?.values[option] ?? Number.NaN;
const sourceDate = new Map(sc.meta.sources.map((s) => [s.id, s.date]));
const check = (party: string, id: string) => {
  const c = profile(party).ratification.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} for ${party}`);
  return c;
};
const options = (issue: string) =>
  sc.packages
    .flatMap((p) => p.issues)
    .find((i) => i.id === issue)
    ?.options.map((o) => o.id) ?? [];
const names = (c: Condition): string[] =>
  'issue' in c
    ? [c.issue]
    : 'all' in c
      ? c.all.flatMap(names)
      : 'any' in c
        ? c.any.flatMap(names)
        : names(c.not);

describe('the default scenario is true to the record of 6 December 2025', () => {
  it('validates with no warning, the after-asOf check included', () => {
    const file = new URL('../../assets/scenarios/miami-2025.yaml', import.meta.url);
    const loaded = loadScenario(readFileSync(file, 'utf8'), 'miami-2025.yaml');
    expect(loaded.ok).toBe(true);
    expect(loaded.warnings.map((w) => w.message)).toEqual([]);
  });

  it('describes every option and backs it with a source dated on or before asOf', () => {
    let counted = 0;
    for (const pkg of sc.packages)
      for (const issue of pkg.issues)
        for (const o of issue.options) {
          counted++;
          expect(o.description?.trim().length, `${issue.id}/${o.id} has a description`).toBeGreaterThan(0);
          const dates = (o.sources ?? []).map((s) => sourceDate.get(s));
          expect(
            dates.some((d) => d !== undefined && d <= asOf),
            `${issue.id}/${o.id} cites a source dated on or before ${asOf}`,
          ).toBe(true);
        }
    expect(counted).toBeGreaterThanOrEqual(50);
  });

  it("opens on the 28-point plan's guarantee, not the KIIS poll's hypothetical no-guarantee bundle", () => {
    // Was `no-guarantee`.
    expect(sc.initialText.guarantees).toBe('us-guarantee');
    const option = sc.packages
      .flatMap((p) => p.issues.flatMap((i) => i.options))
      .find((o) => o.id === 'us-guarantee');
    expect(option?.sources).toContain('caliber-axios-guarantee');
  });

  it('gives the US no red line tying guarantees to jets in Poland, which no source supports', () => {
    // Was `us-no-guarantee-without-jets`, attributed to the 28-point plan.
    for (const r of profile('us').redLines) {
      const issues = names(r.when);
      expect(issues.includes('guarantees') && issues.includes('jets'), r.id).toBe(false);
      expect(r.sources.length, `${r.id} has a source`).toBeGreaterThan(0);
    }
  });

  it('has Washington value Ukraine leaving Donetsk at least as much as a freeze', () => {
    // Was freeze 100, withdrawal 80.
    expect(value('us', 'donetsk', 'withdraw-buffer')).toBeGreaterThanOrEqual(
      value('us', 'donetsk', 'freeze-line'),
    );
  });

  it('has Russia value a return to the G8 no higher than staying out (Putin said no on 4 December)', () => {
    // Was 100 for `g8-invited`.
    expect(value('ru', 'g8', 'g8-invited')).toBeLessThanOrEqual(value('ru', 'g8', 'g8-no'));
    expect(profile('ru').preferences.g8?.sources).toContain('indiatoday-g8');
  });

  it('makes a Donetsk freeze costly for Moscow in its values and at home', () => {
    // Was freeze 20 and no Donbas term in Russia's ratification: the AI traded Donbas away in every deal.
    const ru = profile('ru');
    const pref = ru.preferences.donetsk;
    expect(pref).toBeDefined();
    // The rationale: the whole of Donbas is the stated demand and a freeze was rejected outright, so the freeze is
    // worth nothing and the gap is the whole issue, the heaviest in Russia's brief.
    const gap = (pref!.values['withdraw-buffer'] ?? 0) - (pref!.values['freeze-line'] ?? 0);
    expect(gap).toBe(100);
    const heaviest = Math.max(...Object.values(ru.preferences).map((p) => p.weight));
    expect(pref!.weight).toBe(heaviest);
    const withdraw: Text = { ...sc.initialText, donetsk: 'withdraw-buffer' };
    const freeze: Text = { ...sc.initialText, donetsk: 'freeze-line' };
    expect(utilityOf(ru, withdraw) - utilityOf(ru, freeze)).toBe(pref!.weight * gap);
    // At home: the elite check loses 25 points of support on a freeze, and fails on the opening text with one.
    const elite = check('ru', 'elite-consensus');
    const before = runCheck(elite, withdraw);
    const after = runCheck(elite, freeze);
    expect((before.support ?? 0) - (after.support ?? 0)).toBe(25);
    expect(after.passed).toBe(false);
    expect(elite.description).toMatch(/constitution/i);
  });

  it("ties Ukraine's referendum to a ceasefire, as martial law requires", () => {
    // Was a referendum that could pass with the fighting going on.
    const referendum = check('ua', 'referendum');
    expect(referendum.kind).toBe('support');
    const fighting: Text = { ...sc.initialText, ceasefire: 'ceasefire-after-exit' };
    expect(runCheck(referendum, fighting).passed).toBe(false);
    // Only a change of territory goes to a referendum: a freeze needs none.
    expect(runCheck(referendum, { ...fighting, donetsk: 'freeze-line' })).toMatchObject({ applies: false });
    expect(referendum.sources).toContain('censor-cec-martial-law');
  });

  it('keeps the EU’s consent where European money is involved', () => {
    const consent = check('us', 'eu-consent');
    expect(runCheck(consent, { ...sc.initialText, assets: 'us-led-fund' }).passed).toBe(false);
    expect(runCheck(consent, { ...sc.initialText, assets: 'eu-reparations-loan' }).passed).toBe(true);
  });

  it('names the 2022 invasion by Russia, and who struck on 6 December, without raising Ukraine’s support', () => {
    // Was a content note without the invasion and a "winter strikes" event that named no attacker and raised
    // Ukraine's referendum support.
    expect(sc.meta.contentNote).toMatch(
      /Russia launched its full-scale invasion of Ukraine in February 2022/,
    );
    const strikes = sc.events.find((e) => /strike/i.test(e.title));
    expect(strikes?.title).toMatch(/^Russia /);
    expect(strikes?.text).toMatch(/Russia launched/);
    expect(strikes?.effects.some((e) => e.type === 'support')).toBe(false);
    expect(strikes?.debrief).toMatch(/civilian/);
  });

  it('seats negotiators, not heads of state, at Miami', () => {
    const first = sc.calendar[0]!;
    expect(first.venue).toBe('Miami');
    for (const people of Object.values(first.attendance ?? {}))
      for (const person of people) expect(person).not.toMatch(/^The President$/);
    expect(first.attendanceSources?.length).toBeGreaterThan(0);
  });

  it('carries the negotiated issues it missed, in the packages where the talks put them', () => {
    // Was 14 issues in 4 packages, none of these.
    const where = new Map(sc.packages.flatMap((p) => p.issues.map((i) => [i.id, p.id])));
    expect(where.get('people')).toBe('humanitarian');
    expect(where.get('amnesty')).toBe('humanitarian');
    expect(where.get('eu-membership')).toBe('sovereignty');
    expect(where.get('us-russia-business')).toBe('economy');
    expect(where.get('assets')).toBe('economy');
    expect(where.get('ceasefire')).toBe('territory');
    expect(where.get('other-regions')).toBe('territory');
    expect(where.get('language-church')).toBe('sovereignty');
    expect(options('people')).toContain('all-for-all');
    expect(options('ceasefire')).toContain('ceasefire-after-withdrawal');
  });

  it('lets no party sign a text that crosses its own red line, and marks every ratification rule public', () => {
    for (const party of sc.parties.map((p) => p.id)) {
      for (const c of profile(party).ratification) expect(c.public, `${party}/${c.id} is public`).toBe(true);
      expect(crossedRedLines(profile(party), sc.initialText)).toEqual([]);
    }
  });
});
