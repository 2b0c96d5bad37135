// The teacher's debrief of a class table quotes the AI delegations in the teacher's language: their sentences are
// put into words from their structured form with the names the debrief comes with, as on the student's table.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import { buildDebrief } from '../../src/engine/debrief';
import { setLanguage } from '../../src/i18n';
import type { TableDebrief } from '../../src/protocol';
import { localizeScenario, scenarioNames } from '../../src/scenario/localize';
import { blockerText, debriefNames, reasonText } from '../../src/ui/class-live';
import { loadFixture } from '../engine/fixtures';

const miami = loadFixture('assets/scenarios/miami-2025.yaml');
/** English words: any two Latin letters in a row but the version mark. */
const english = (s: string) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => w !== 'v');

describe("the teacher's debrief of a table", () => {
  it('quotes what the AI said and thought in Russian and Ukrainian, with the verbs agreeing', async () => {
    const { state } = playAiGame(miami, 3, 'easy');
    for (const lang of ['ru', 'uk'] as const) {
      await setLanguage(lang, false);
      // As the server sends it: the debrief in the teacher's language, with the scenario's names.
      const scenario = localizeScenario(miami, lang);
      const d: TableDebrief = { ...buildDebrief(scenario, state), names: scenarioNames(scenario) };
      const name = debriefNames(d);
      expect(d.privateReasons.length).toBeGreaterThan(5);
      const quoted = d.privateReasons.filter((r) => r.public);
      expect(quoted.length).toBeGreaterThan(0);
      for (const r of d.privateReasons) {
        const text = reasonText(r, d, name);
        expect(english(text), text).toEqual([]);
      }
      for (const b of d.blockers) {
        const text = blockerText(b, d, name);
        expect(english(text), text).toEqual([]);
      }
      // The United States' moves take the plural: "предложили", "запропонували", never the feminine.
      const us = d.privateReasons.filter((r) => r.party === 'us').map((r) => reasonText(r, d, name));
      expect(us.length).toBeGreaterThan(0);
      const [plural, feminine] = [/ли(сь|ся)?[ ,):]/, /ла(сь|ся)?[ ,):]/];
      const moves = us.map((t) => t.slice(0, t.indexOf(')') + 1));
      expect(moves.filter((m) => plural.test(m)).length, moves.join('\n')).toBe(moves.length);
      expect(
        moves.filter((m) => feminine.test(m)),
        moves.join('\n'),
      ).toEqual([]);
    }
    await setLanguage('en', false);
  });
});
