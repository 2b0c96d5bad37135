// The table's layout maths and captions: pure functions, checked without Phaser or a browser.
import { describe, expect, it } from 'vitest';
import { calendarPills, cardGrid, fontPx, MIN_FONT_PX, seatSpots, tableLayout } from '../../src/game/layout';
import {
  costLine,
  effectFor,
  formatDate,
  groupDigits,
  packageBadge,
  truncate,
} from '../../src/game/table-text';

const ring = { cx: 500, cy: 300, rx: 300, ry: 150 };
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

describe('seats around the table', () => {
  it('puts the viewer at the bottom and the others clockwise after it', () => {
    const spots = seatSpots(['us', 'ua', 'ru'], 'ua', ring);
    expect(spots.map((s) => s.party)).toEqual(['ua', 'ru', 'us']);
    const me = spots[0]!;
    expect(near(me.x, 500)).toBe(true);
    expect(near(me.y, 450)).toBe(true);
    // Clockwise on screen from the bottom: the next seat is on the left.
    expect(spots[1]!.x).toBeLessThan(500);
    expect(spots[2]!.x).toBeGreaterThan(500);
  });

  it('seats two parties face to face', () => {
    const [a, b] = seatSpots(['north', 'south'], 'south', ring);
    expect(a!.party).toBe('south');
    expect(near(b!.x, 500)).toBe(true);
    expect(near(b!.y, 150)).toBe(true);
  });

  it('keeps every seat on the ring and apart from the others, for 2 to 6 parties', () => {
    for (let n = 2; n <= 6; n++) {
      const ids = Array.from({ length: n }, (_, i) => `p${i}`);
      const spots = seatSpots(ids, 'p0', ring);
      expect(spots).toHaveLength(n);
      for (const s of spots) {
        const d = ((s.x - ring.cx) / ring.rx) ** 2 + ((s.y - ring.cy) / ring.ry) ** 2;
        expect(d).toBeCloseTo(1, 9);
      }
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = spots[i]!;
          const b = spots[j]!;
          expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(100);
        }
      }
    }
  });

  it('shows a non-party seat (the director) the table from between two seats', () => {
    const spots = seatSpots(['a', 'b'], 'director', ring);
    expect(spots.map((s) => s.party)).toEqual(['a', 'b']);
    expect(spots.every((s) => Math.abs(s.y - ring.cy) < 1e-6)).toBe(true);
  });
});

describe('package cards', () => {
  const area = { x: 100, y: 100, w: 600, h: 240 };

  it('lays four packages out in a grid that fits the area, without overlaps', () => {
    const grid = cardGrid(4, area, 12, 2);
    expect(grid.cards).toHaveLength(4);
    for (const c of grid.cards) {
      expect(c.x).toBeGreaterThanOrEqual(area.x - 1e-6);
      expect(c.y).toBeGreaterThanOrEqual(area.y - 1e-6);
      expect(c.x + c.w).toBeLessThanOrEqual(area.x + area.w + 1e-6);
      expect(c.y + c.h).toBeLessThanOrEqual(area.y + area.h + 1e-6);
    }
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++) {
        const a = grid.cards[i]!;
        const b = grid.cards[j]!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    }
  });

  it('centres a short last row', () => {
    const grid = cardGrid(3, { x: 0, y: 0, w: 400, h: 400 }, 10, 2);
    if (grid.rows > 1 && grid.columns === 2) {
      const last = grid.cards[2]!;
      expect(last.x + last.w / 2).toBeCloseTo(200, 6);
    }
    expect(grid.cards).toHaveLength(3);
  });

  it('caps the card height and gives nothing for no packages', () => {
    expect(cardGrid(1, area, 12, 2, 90).cards[0]!.h).toBeLessThanOrEqual(90);
    expect(cardGrid(0, area, 12).cards).toEqual([]);
  });
});

describe('the canvas regions', () => {
  it('stacks header, calendar, table and footer without overlaps at common sizes', () => {
    for (const [w, h] of [
      [960, 620],
      [1280, 800],
      [600, 420],
      [360, 300],
    ] as const) {
      const l = tableLayout(w, h);
      expect(l.calendar.y).toBeGreaterThanOrEqual(l.header.y + l.header.h);
      expect(l.stage.y).toBeGreaterThanOrEqual(l.calendar.y + l.calendar.h);
      expect(l.footer.y).toBeGreaterThanOrEqual(l.stage.y + l.stage.h);
      expect(l.table.cx - l.table.rx).toBeGreaterThan(0);
      expect(l.table.cx + l.table.rx).toBeLessThan(w);
      expect(l.cardArea.w).toBeGreaterThan(0);
      expect(l.cardArea.x).toBeGreaterThan(l.table.cx - l.table.rx);
    }
  });

  it('never draws text under 14 CSS px, from a phone to a projector, and the bands hold a line of it', () => {
    expect(MIN_FONT_PX).toBe(14);
    for (const [w, h] of [
      [335, 260],
      [842, 518],
      [1238, 526],
      [1878, 711],
      [1920, 1080],
    ] as const) {
      const l = tableLayout(w, h);
      // The smallest design size on the table is 10.5 px; every size goes through fontPx.
      for (const design of [10.5, 11, 11.5, 12.5, 13, 14.5, 24])
        expect(fontPx(design, l.k)).toBeGreaterThanOrEqual(14);
      expect(l.calendar.h).toBeGreaterThanOrEqual(fontPx(11.5, l.k) * 1.25);
      expect(l.footer.h).toBeGreaterThanOrEqual(fontPx(12.5, l.k) * 1.25);
      expect(l.header.h).toBeGreaterThanOrEqual((fontPx(24, l.k) + fontPx(13, l.k)) * 1.25);
    }
    // Larger design sizes stay larger: the floor lifts small text, it does not flatten the hierarchy.
    expect(fontPx(24, 1.35)).toBeGreaterThan(fontPx(13, 1.35));
  });

  it('survives a zero-sized container', () => {
    const l = tableLayout(0, 0);
    expect(Number.isFinite(l.table.rx)).toBe(true);
    expect(l.stage.h).toBeGreaterThanOrEqual(0);
  });

  it('spreads calendar pills across the strip, never wider than asked', () => {
    const pills = calendarPills(4, { x: 0, y: 0, w: 1000, h: 30 }, 10, 150);
    expect(pills.map((p) => p.w)).toEqual([150, 150, 150, 150]);
    expect(pills[0]!.x + (pills[3]!.x + 150) - 1000).toBeCloseTo(0, 6);
  });
});

describe('captions', () => {
  it('writes dates and numbers without depending on the locale', () => {
    expect(formatDate('2025-12-02')).toBe('2 Dec 2025');
    expect(formatDate('2025-12-02', true)).toBe('2 December 2025');
    expect(formatDate('2025-12-02', false, false)).toBe('2 Dec');
    expect(formatDate('soon')).toBe('soon');
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(groupDigits(-85)).toBe('−85');
    expect(truncate('a long sentence here', 10)).toBe('a long se…');
  });
});

describe('the time-cost line', () => {
  const view = {
    score: { utility: 5000, discounted: 4800, nextMeetingLoss: 1234, canSign: true, signBlockers: [] },
    scenario: { discountPerMeeting: 5 },
  } as unknown as Parameters<typeof costLine>[0];

  it('says what a meeting without a deal costs this seat', () => {
    expect(costLine(view)).toBe('Each meeting without a deal costs 5% — next meeting costs you 1,234 points');
    expect(costLine(view, true)).toBe('Next meeting without a deal: −1,234 points (5%)');
  });

  it('says nothing to a seat without a score (the director)', () => {
    expect(costLine({ ...view, score: null })).toBeNull();
  });
});

describe('which animation an event gets', () => {
  const view = {
    scenario: {
      parties: [{ id: 'north', name: 'Northport', shortName: 'North', color: '#3366cc' }],
      packages: [
        {
          id: 'fishing',
          name: 'Fishing',
          issues: [{ id: 'quota', name: 'Quota split', options: [{ id: 'q50', label: '50/50' }] }],
        },
      ],
      calendar: [{ id: 'm1' }, { id: 'm2' }],
    },
  } as unknown as Parameters<typeof effectFor>[0];
  const base = { seq: 1, meeting: 0, to: 'all' as const };

  it('shows a signal as a speech bubble in plain words', () => {
    const effect = effectFor(view, {
      ...base,
      type: 'signal.sent',
      by: 'north',
      kind: 'priority',
      issue: 'quota',
      option: 'q50',
      recipients: 'all',
      message: null,
    });
    expect(effect).toEqual({ kind: 'bubble', party: 'north', title: 'Priority', body: 'Quota split: 50/50' });
  });

  it('opens a meeting with a title card and ignores events it does not know', () => {
    const opened = effectFor(view, {
      ...base,
      type: 'meeting.opened',
      meetingId: 'm2',
      venue: 'Lighthouse',
      date: '2024-03-08',
      participants: ['north'],
      agenda: ['fishing'],
    });
    expect(opened).toMatchObject({ kind: 'title-card', kicker: 'Meeting 2 of 2', title: 'Lighthouse' });
    const unknown = { ...base, type: 'weather.changed' } as unknown as Parameters<typeof effectFor>[1];
    expect(effectFor(view, unknown)).toBeNull();
  });
});

describe('one version number and one meeting count, as the panels give them', () => {
  it('labels a package card with the text version, or since when the package is unchanged', () => {
    expect(packageBadge({ textVersion: 3 }, 3)).toBe('v3');
    expect(packageBadge({ textVersion: 3 }, 2)).toBe('since v2');
  });

  it('says at the last meeting that no deal by its end means no deal, not what a next meeting costs', () => {
    const last = {
      score: { utility: 5000, discounted: 4800, nextMeetingLoss: 160, canSign: true, signBlockers: [] },
      scenario: { discountPerMeeting: 3 },
      meetingsLeft: 0,
    } as unknown as Parameters<typeof costLine>[0];
    expect(costLine(last)).toBe('This is the last meeting: no deal by its end means no deal');
    expect(costLine(last, true)).not.toMatch(/160/);
  });
});
