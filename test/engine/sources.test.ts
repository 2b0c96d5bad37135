// Status badges, source kinds and who sits at the table, in the words a student reads.
import { describe, expect, it } from 'vitest';
import {
  attendanceOf,
  BADGE_MAX,
  kindLabel,
  shortStatus,
  sourcesInWords,
  statusIsShortened,
} from '../../src/engine/sources';
import type { Source } from '../../src/scenario/schema';

describe('a status badge', () => {
  it('keeps a short status whole, without its full stop', () => {
    expect(shortStatus('Ukrainian position.')).toBe('Ukrainian position');
    expect(statusIsShortened('Ukrainian position.')).toBe(false);
  });

  it('ends at the first semicolon or sentence, not inside brackets', () => {
    expect(
      shortStatus('28-point draft (US, 20 November 2025); Russia’s demand at the Kremlin meeting.'),
    ).toBe('28-point draft (US, 20 November 2025)');
    expect(shortStatus('Reported after Geneva (23 Nov. 2025). Reports differ.')).toBe(
      'Reported after Geneva (23 Nov. 2025)',
    );
    expect(statusIsShortened('European proposal; Belgium objected.')).toBe(true);
  });

  it('cuts a long first clause at a word and says so', () => {
    const long =
      'What the respondents of a large national opinion poll were offered in the version of the plan most rejected';
    const badge = shortStatus(long);
    expect(badge.length).toBeLessThanOrEqual(BADGE_MAX + 1);
    expect(badge.endsWith('…')).toBe(true);
    expect(long.startsWith(badge.slice(0, -1))).toBe(true);
    expect(badge.slice(0, -1).endsWith(' ')).toBe(false);
  });
});

describe('sources in words', () => {
  const all: Source[] = [
    { id: 'a', publisher: 'Reuters', title: 'A report', date: '2025-12-02', kind: 'wire' },
    {
      id: 'b',
      publisher: 'Kremlin',
      title: 'A statement',
      date: '2025-11-21',
      url: 'https://example.org/b',
      kind: 'official',
      note: 'A transcript published by one side.',
    },
  ];

  it('resolves ids in order, once each, with dates in words, leaving unknown ids out', () => {
    expect(sourcesInWords(all, ['b', 'missing', 'a', 'b'])).toEqual([
      {
        publisher: 'Kremlin',
        title: 'A statement',
        date: '21 November 2025',
        url: 'https://example.org/b',
        kind: 'official',
        note: 'A transcript published by one side.',
      },
      { publisher: 'Reuters', title: 'A report', date: '2 December 2025', kind: 'wire' },
    ]);
  });

  it('names every kind of source in plain words', () => {
    expect(kindLabel('wire')).toBe('News agency');
    expect(kindLabel('state-media')).toBe('State-controlled media');
    expect(kindLabel(undefined)).toBeNull();
    for (const k of ['official', 'international', 'wire', 'press', 'state-media', 'research'] as const)
      expect(kindLabel(k)).toMatch(/^[A-Z][a-z -]+$/);
  });
});

describe('who sits at the table', () => {
  const parties = [
    { id: 'us', delegation: [{ role: 'Secretary of State' }, { role: 'Special envoy' }] },
    { id: 'ua', delegation: [{ role: 'President' }] },
  ];

  it('lists the roles recorded for the meeting, and the delegation where none are recorded', () => {
    expect(
      attendanceOf({ participants: ['us', 'ua'], attendance: { ua: ['Chief negotiator'] } }, parties),
    ).toEqual([
      { party: 'us', roles: ['Secretary of State', 'Special envoy'], recorded: false },
      { party: 'ua', roles: ['Chief negotiator'], recorded: true },
    ]);
    expect(attendanceOf({ participants: ['ua'] }, parties)).toEqual([
      { party: 'ua', roles: ['President'], recorded: false },
    ]);
  });
});
