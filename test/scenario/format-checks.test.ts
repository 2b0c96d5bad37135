// Checks of the newer format fields: after-asOf warnings, and references in teacher notes, attendance, appliesWhen
// and weight effects.
import { describe, expect, it } from 'vitest';
import { type Diagnostic, formatDiagnostic, type LoadResult, loadScenario } from '../../src/scenario/load';
import { harbourText, positionOf, replaceOnce } from '../support/scenario-text';

const FILE = 'harbour.yaml';

function errorsOf(result: LoadResult): Diagnostic[] {
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.errors;
}

const LATE_SOURCE = `      date: 2024-01-15
    - id: late-report
      publisher: Test Fixtures
      title: A report written after the game starts
      date: 2024-03-20
`;

/** The harbour fixture with a source dated after its asOf (2024-03-01), cited in every kind of place. */
function harbourCitingLateSource(date = '2024-03-20'): string {
  let text = harbourText();
  text = replaceOnce(text, '      date: 2024-01-15\n', LATE_SOURCE.replace('2024-03-20', date));
  // An option of the opening text (quota: q70), and one that is not in it (season: short).
  text = replaceOnce(
    text,
    "status: North's opening ask,\n              sources: [town-records],",
    "status: North's opening ask,\n              sources: [town-records, late-report],",
  );
  text = replaceOnce(
    text,
    "status: South's ask,\n              sources: [town-records],\n            }\n  - id: pier",
    "status: South's ask,\n              sources: [late-report],\n            }\n  - id: pier",
  );
  text = replaceOnce(
    text,
    'rationale: Boats idle otherwise.,\n          sources: [town-records],',
    'rationale: Boats idle otherwise.,\n          sources: [town-records, late-report],',
  );
  text = replaceOnce(
    text,
    'rationale: Fishing alone still pays., sources: [town-records]',
    'rationale: Fishing alone still pays., sources: [late-report]',
  );
  text = replaceOnce(
    text,
    'rationale: The fleet would go bankrupt.\n        sources: [town-records]',
    'rationale: The fleet would go bankrupt.\n        sources: [late-report]',
  );
  text = replaceOnce(
    text,
    'pier: { minimum: 30, rationale: Less pressing., sources: [town-records] }',
    'pier: { minimum: 30, rationale: Less pressing., sources: [late-report] }',
  );
  text = replaceOnce(
    text,
    'rationale: The fleet dominates the council.\n        sources: [town-records]',
    'rationale: The fleet dominates the council.\n        sources: [late-report]',
  );
  text = replaceOnce(
    text,
    'rationale: Provincial law.\n        sources: [town-records]',
    'rationale: Provincial law.\n        sources: [late-report]',
  );
  text = replaceOnce(
    text,
    "rationale: Southbay's campaign.\n    sources: [town-records]",
    "rationale: Southbay's campaign.\n    sources: [late-report]",
  );
  // Events, the epilogue and teacher notes may cite later sources.
  text = replaceOnce(
    text,
    'delta: 30 }\n    sources: [town-records]',
    'delta: 30 }\n    sources: [late-report]',
  );
  text = replaceOnce(
    text,
    'The towns found a way, or did not.\n  sources: [town-records]',
    'The towns found a way, or did not.\n  sources: [late-report]',
  );
  text = replaceOnce(
    text,
    '  contentNote: A fictional dispute used for tests.\n',
    '  contentNote: A fictional dispute used for tests.\n  teacherNotes:\n    - { topic: Hindsight, text: What came later., sources: [late-report] }\n',
  );
  return text;
}

describe('after-asOf warnings', () => {
  const why =
    'source "late-report" is dated 2024-03-20, after the scenario\'s asOf 2024-03-01: later facts enter only through scripted events and the epilogue';

  it('warn at each place that cites a later source, with file:line:col, and nowhere else', () => {
    const text = harbourCitingLateSource();
    const result = loadScenario(text, FILE);
    expect(result.ok).toBe(true);
    // Occurrence 1 is the teacher note, 2 the definition; then the citations in file order (`at` counts from 2).
    const at = (n: number) => {
      const { line, col } = positionOf(text, 'late-report', n + 1);
      return `${FILE}:${line}:${col}`;
    };
    const opening = positionOf(text, 'initialText: { quota: q70');
    expect(result.warnings.map((w) => formatDiagnostic(w, 'warning'))).toEqual([
      `${at(2)}: warning: packages[0].issues[0].options[0].sources[1]: ${why}`,
      `${at(3)}: warning: packages[0].issues[1].options[1].sources[0]: ${why}`,
      `${FILE}:${opening.line}:${opening.col + 'initialText: { quota: '.length}: warning: initialText.quota: the opening option "q70" cites a late source: ${why}`,
      `${at(4)}: warning: profiles.north.preferences.season.sources[1]: ${why}`,
      `${at(5)}: warning: profiles.north.reservation.sources[0]: ${why}`,
      `${at(6)}: warning: profiles.north.redLines[0].sources[0]: ${why}`,
      `${at(7)}: warning: profiles.north.mandate.pier.sources[0]: ${why}`,
      `${at(8)}: warning: profiles.north.ratification[0].sources[0]: ${why}`,
      `${at(9)}: warning: profiles.south.ratification[0].sources[0]: ${why}`,
      `${at(10)}: warning: publicPriors[1].sources[0]: ${why}`,
    ]);
    // The event, the epilogue and the teacher note cite it too (occurrences 11–13 and the note's), unwarned.
    expect(text.split('late-report').length - 1).toBe(13);
  });

  it('say nothing of a source dated on asOf itself', () => {
    const result = loadScenario(harbourCitingLateSource('2024-03-01'), FILE);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });
});

describe('references in the newer fields', () => {
  it('a teacher note and a meeting’s attendance sources must name known sources', () => {
    let text = harbourText();
    text = replaceOnce(
      text,
      '  contentNote: A fictional dispute used for tests.\n',
      '  contentNote: A fictional dispute used for tests.\n  teacherNotes:\n    - { topic: Fish, text: A note., sources: [nowhere-a] }\n',
    );
    text = replaceOnce(
      text,
      '      venue: Town hall,\n      date: 2024-03-01,',
      '      venue: Town hall,\n      attendanceSources: [town-records, nowhere-b],\n      date: 2024-03-01,',
    );
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors.map((e) => formatDiagnostic(e))).toEqual([
      `${FILE}:${positionOf(text, 'nowhere-a').line}:${positionOf(text, 'nowhere-a').col}: meta.teacherNotes[0].sources[0]: dangling source id "nowhere-a": not in meta.sources (known: town-records)`,
      `${FILE}:${positionOf(text, 'nowhere-b').line}:${positionOf(text, 'nowhere-b').col}: calendar[0].attendanceSources[1]: dangling source id "nowhere-b": not in meta.sources (known: town-records)`,
    ]);
  });

  it('attendance names parties that take part in that meeting', () => {
    let text = harbourText();
    text = replaceOnce(
      text,
      '      participants: [north, south],\n      agenda: [pier, trade],',
      '      participants: [north, west],\n      attendance: { north: [Harbour master], south: [Mayor], east: [Envoy] },\n      agenda: [pier, trade],',
    );
    text = replaceOnce(
      text,
      '    publicProfile: Southbay depends on tourism and wants the pier rebuilt.\n',
      '    publicProfile: Southbay depends on tourism and wants the pier rebuilt.\n  - id: west\n    name: Westhaven\n    shortName: West\n    color: "#999999"\n    delegation: [{ role: Reeve }]\n    publicProfile: A neighbour.\n',
    );
    const errors = errorsOf(loadScenario(text, FILE)).filter((e) => e.path.includes('attendance'));
    const south = positionOf(text, 'south: [Mayor]');
    const east = positionOf(text, 'east: [Envoy]');
    expect(errors.map((e) => formatDiagnostic(e))).toEqual([
      `${FILE}:${south.line}:${south.col}: calendar[1].attendance.south: attendance for "south", which does not take part in this meeting (participants: north, west)`,
      `${FILE}:${east.line}:${east.col}: calendar[1].attendance.east: attendance for unknown party "east" (known: north, south, west)`,
    ]);
  });

  it('an appliesWhen condition and a weight effect name known issues and options', () => {
    let text = harbourText();
    text = replaceOnce(
      text,
      '        threshold: 50\n',
      '        threshold: 50\n        appliesWhen: { issue: owner, in: [nobody-owns] }\n',
    );
    text = replaceOnce(
      text,
      '      - { type: reservation, party: north, delta: -500 }',
      '      - { type: reservation, party: north, delta: -500 }\n      - { type: weight, party: north, issue: nets, delta: 10 }\n      - { type: weight, party: east, issue: toll, delta: 10 }',
    );
    const errors = errorsOf(loadScenario(text, FILE));
    const option = positionOf(text, 'nobody-owns');
    const issue = positionOf(text, 'nets');
    const party = positionOf(text, 'party: east');
    expect(errors.map((e) => formatDiagnostic(e))).toEqual([
      `${FILE}:${option.line}:${option.col}: profiles.north.ratification[0].appliesWhen.in[0]: unknown option "nobody-owns" of issue "owner" (known: north-owns, shared, south-owns)`,
      `${FILE}:${issue.line}:${issue.col}: events[1].effects[1].issue: unknown issue "nets" (known: quota, season, owner, rebuild, toll)`,
      `${FILE}:${party.line}:${party.col + 'party: '.length}: events[1].effects[2].party: unknown party "east" (known: north, south)`,
    ]);
  });

  it('appliesWhen is not allowed on a consent check', () => {
    const text = replaceOnce(
      harbourText(),
      '        failsWhen: { issue: toll, in: [toll-high] }\n',
      '        failsWhen: { issue: toll, in: [toll-high] }\n        appliesWhen: { issue: toll, in: [toll-high] }\n',
    );
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors.map((e) => e.message)).toEqual([
      'profiles.south.ratification[0].appliesWhen: unknown key "appliesWhen"',
    ]);
  });
});
