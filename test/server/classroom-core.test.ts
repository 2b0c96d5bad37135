// The classroom's own rules, without sockets: turn timers on the machines' injected clock (an expiry is a logged and
// stored intent), teams with one pen, renaming and removing students, AI taking over an emptied seat.

import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { Classroom, csvCell } from '../../src/server/classroom';
import { randomNickname } from '../../src/server/nicknames';
import { openSqliteStore } from '../../src/server/sqlite-store';
import { fixtureScenario, tempDataDir } from './class-helpers';

const scenario = fixtureScenario('tram-line.yaml');
const parties = scenario.parties.map((p) => p.id);
let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanup.reverse()) c();
  cleanup = [];
});

function room(options: { clock?: SimulatedClock; now?: () => number } = {}) {
  const data = tempDataDir();
  const store = openSqliteStore(data.dir);
  const classroom = new Classroom({
    store,
    scenarios: new Map([[scenario.meta.id, scenario]]),
    aiDelayMs: 0,
    log: () => {},
    ...options,
  });
  cleanup.push(
    data.remove,
    () => store.close(),
    () => classroom.shutdown(),
  );
  return { classroom, store };
}

describe('classroom rules', () => {
  it("ends a speaker's turn when its time runs out, as a stored intent from the clock", () => {
    const clock = new SimulatedClock();
    let now = 1_000_000;
    const { classroom, store } = room({ clock, now: () => now });
    const created = classroom.create({
      scenario: scenario.meta.id,
      tables: 1,
      turnSeconds: 30,
      difficulty: 'easy',
    });
    const session = classroom.session(created.session);
    if (!session) throw new Error('no session');
    const students = parties.map((p) => session.join(p));
    session.autoAssign();
    session.start();
    const speaker = session.tables[0]?.table.state().order[0] as string;
    const who = students.find((s) => session.students.get(s.student)?.seat === speaker) as {
      student: string;
    };
    expect(session.seatUpdate(who.student).deadline).toBe(now + 30_000);
    clock.increment(29_000);
    expect(store.intents(created.session, 0)).toHaveLength(0);
    now += 30_000;
    clock.increment(1_000);
    const stored = store.intents(created.session, 0);
    expect(stored.map((r) => [r.intentId, r.intent.type, r.intent.seat])).toEqual([
      ['server:clock:1', 'turn.timeout', speaker],
    ]);
    expect(stored[0]?.events.length).toBeGreaterThan(0);
    // Paused, the clock stops; resumed, the next speaker gets a whole turn again.
    session.pause();
    clock.increment(120_000);
    expect(store.intents(created.session, 0)).toHaveLength(1);
    expect(session.seatUpdate(who.student).deadline).toBeNull();
    session.resume();
    clock.increment(30_000);
    expect(store.intents(created.session, 0)).toHaveLength(2);
  });

  it("makes up a nickname in the page's language: an adjective agreeing with the animal", () => {
    const { classroom } = room();
    const created = classroom.create({
      scenario: scenario.meta.id,
      tables: 1,
      turnSeconds: null,
      difficulty: 'easy',
    });
    const session = classroom.session(created.session);
    if (!session) throw new Error('no session');
    const uk = session.join(undefined, undefined, 'uk-UA').nickname;
    expect(uk).toMatch(/^[А-ЯІЇЄҐ][а-яіїєґ’]+ [А-ЯІЇЄҐ][а-яіїєґ’]+$/);
    expect(session.join(undefined, undefined, 'ru').nickname).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
    // Any other language (or none): English.
    expect(session.join(undefined, undefined, 'pt-BR').nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(session.join(undefined).nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    // Every pair agrees: "Смелая Цапля", "Смелый Сокол"; "Смілива Чапля", "Сміливий Сокіл".
    for (const [lang, feminine, masculine] of [
      [
        'ru',
        /^[А-Я][а-я]+ая (Цапля|Выдра|Рысь|Куница|Сова)$/,
        /^[А-Я][а-я]+(ый|ий|ой) (Сокол|Барсук|Журавль|Заяц|Тюлень)$/,
      ],
      [
        'uk',
        /^[А-ЯІ][а-яі]+а (Чапля|Видра|Рись|Куниця|Сова)$/,
        /^[А-ЯІ][а-яі]+(ий|ій) (Сокіл|Борсук|Журавель|Заєць|Тюлень)$/,
      ],
    ] as const)
      for (let a = 0; a < 10; a++)
        for (let n = 0; n < 10; n++) {
          let call = 0;
          const name = randomNickname(lang, () => (call++ === 0 ? a : n));
          expect(name, `${lang} ${a} ${n}`).toMatch([0, 1, 4, 6, 7].includes(n) ? feminine : masculine);
        }
  });

  it('seats teams with one pen, renames and removes students, and lets the AI take an emptied seat', async () => {
    const { classroom, store } = room();
    const created = classroom.create({
      scenario: scenario.meta.id,
      tables: 1,
      turnSeconds: null,
      difficulty: 'easy',
    });
    const session = classroom.session(created.session);
    if (!session) throw new Error('no session');
    const joined = ['A', 'B', 'C', 'D', 'A'].map((n) => session.join(n));
    expect(joined.map((j) => j.nickname)).toEqual(['A', 'B', 'C', 'D', 'A 2']);
    session.autoAssign();
    const late = session.join(undefined);
    expect(late.nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+/);
    expect(session.status(late.student).seat).toBeNull();
    const first = session.status(joined[0]?.student as string);
    const fourth = session.status(joined[3]?.student as string);
    expect(fourth.seat).toBe(first.seat);
    expect(first.pen).toBe(true);
    expect(fourth.pen).toBe(false);
    expect(first.teammates).toEqual(['D']);
    session.rename(joined[3]?.student as string, 'Dee');
    expect(store.students(created.session).find((s) => s.id === joined[3]?.student)?.nickname).toBe('Dee');
    expect(() => session.assign(joined[1]?.student as string, 5, parties[0] as string)).toThrow(/tables/);
    session.start();
    // The one student at the third seat leaves: the AI takes the seat.
    const third = joined.find((j) => session.status(j.student).seat === parties[2]) as {
      student: string;
      token: string;
    };
    session.remove(third.student);
    expect(() => classroom.resume(third.token)).toThrow(/no longer valid/);
    expect(session.status(joined[0]?.student as string).aiSeats).toEqual([parties[2]]);
    // The pen passes to the teammate when its holder leaves.
    session.remove(joined[0]?.student as string);
    expect(session.status(joined[3]?.student as string).pen).toBe(true);
    expect(session.dashboard().lobby.map((s) => s.nickname)).not.toContain('A');
  });

  it("injects a scenario event at the teacher's word, once per table, as a stored director's intent", () => {
    const harbour = fixtureScenario('harbour-two-party.yaml');
    const data = tempDataDir();
    const store = openSqliteStore(data.dir);
    const classroom = new Classroom({
      store,
      scenarios: new Map([[harbour.meta.id, harbour]]),
      aiDelayMs: 10_000,
      log: () => {},
    });
    cleanup.push(
      data.remove,
      () => store.close(),
      () => classroom.shutdown(),
    );
    const created = classroom.create({
      scenario: harbour.meta.id,
      tables: 2,
      turnSeconds: null,
      difficulty: 'easy',
    });
    const session = classroom.session(created.session);
    if (!session) throw new Error('no session');
    const event = harbour.events[0]?.id as string;
    expect(() => session.inject(null, event)).toThrow(/lobby/);
    session.start();
    expect(() => session.inject(null, 'no-such-event')).toThrow(/no event/);
    expect(session.inject(1, event)).toEqual({ injected: [1], refused: [] });
    expect(store.intents(created.session, 1).map((r) => [r.intentId, r.intent.seat, r.intent.type])).toEqual([
      ['server:teacher:1', 'director', 'event.inject'],
    ]);
    const again = session.inject(null, event);
    expect(again.injected).toEqual([0]);
    expect(again.refused).toHaveLength(1);
    expect(again.refused[0]?.table).toBe(1);
    expect(session.dashboard().tables.map((t) => t.fired)).toEqual([[event], [event]]);
  });

  it('writes CSV cells a spreadsheet reads as text', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-12')).toBe('-12');
  });
});
