// Where a student can check the game against the record: an option's status badge and, on demand, its status in
// full, its sources and the reasons of the student's own brief; who sits at the table; the sources of the news.
// Only the seat's own brief (view.me) is ever read here, so no other side's reasons reach the page.
import { attendanceOf, kindLabel, type SourceInWords, shortStatus, sourcesInWords } from '../engine/sources';
import type { SeatNews, SeatView } from '../engine/view';
import { date, msg, t } from '../i18n';
import type { Option } from '../scenario/schema';
import { lazyDetails } from './disclosure';
import { type Child, el } from './dom';
import { namesFor } from './names';

/** Sources by id, their dates written the interface language's way. */
export function sourcesIn(all: SeatView['scenario']['sources'], ids: readonly string[]): SourceInWords[] {
  return sourcesInWords(all, ids, (iso) => date(iso, true));
}

/** A list of sources: kind, publisher, title (a link opening in a new tab when the address is known), date and
 * any caveat. */
export function sourceList(sources: readonly SourceInWords[], empty = msg().sources.none): HTMLElement {
  if (sources.length === 0) return el('p', { className: 'hint source-none' }, empty);
  const M = msg().sources;
  return el(
    'ul',
    { className: 'source-list' },
    ...sources.map((s) => {
      const kind = s.kind ? M.kinds[s.kind] : kindLabel(s.kind);
      return el(
        'li',
        { className: 'source' },
        kind ? el('span', { className: 'source-kind' }, kind) : null,
        el('span', { className: 'source-publisher' }, s.publisher),
        ', ',
        s.url
          ? el(
              'a',
              {
                className: 'source-title',
                attrs: { href: s.url, target: '_blank', rel: 'noopener noreferrer' },
              },
              s.title,
              el('span', { className: 'visually-hidden' }, M.newTab),
            )
          : el('cite', { className: 'source-title' }, s.title),
        ', ',
        el('span', { className: 'source-date' }, s.date),
        s.note ? el('span', { className: 'source-note' }, t(M.note, { note: s.note })) : null,
      );
    }),
  );
}

/** A disclosure "Sources" for anything else that cites the scenario's sources (news, attendance). */
export function sourcesDisclosure(
  key: string,
  all: SeatView['scenario']['sources'],
  ids: readonly string[],
  label: Child[] = [msg().sources.sources],
): HTMLDetailsElement {
  return lazyDetails({
    key,
    className: 'sources-disclosure',
    summary: label,
    build: () => [sourceList(sourcesIn(all, ids))],
  });
}

/** The short status badge of an option; its full status is in the option's sources. */
export function statusBadge(option: Pick<Option, 'status'>): HTMLElement {
  return el(
    'span',
    { className: 'badge badge-status' },
    el('span', { className: 'visually-hidden' }, msg().sources.whereStands),
    shortStatus(option.status),
  );
}

/** An option's status badge and, on demand, its full status, its sources, and why the issue is worth what it is
 * to the seat (its own brief's reasons and their sources). `where` keeps ids unique when the page shows an
 * option more than once. */
export function optionSources(view: SeatView, issueId: string, option: Option, where: string): HTMLElement {
  const names = namesFor(view);
  const pref = view.me?.preferences[issueId];
  const value = pref ? (pref.values[option.id] ?? 0) : null;
  const M = msg().sources;
  const details = lazyDetails({
    key: `${where}-src-${issueId}-${option.id}`,
    className: 'sources-disclosure option-sources',
    summary: [
      M.sources,
      el('span', { className: 'visually-hidden' }, t(M.forOption, { option: option.label })),
    ],
    build: () => [
      el('p', { className: 'option-status' }, el('strong', {}, M.status), option.status),
      el('p', { className: 'sources-heading' }, M.forThisOption),
      sourceList(sourcesIn(view.scenario.sources, option.sources), M.noOptionSource),
      pref
        ? el(
            'div',
            { className: 'own-rationale' },
            el('p', { className: 'sources-heading' }, t(M.yourBriefOn, { issue: names.issueName(issueId) })),
            el('p', {}, t(M.optionWorth, { value: value ?? 0 }), pref.rationale),
            sourceList(sourcesIn(view.scenario.sources, pref.sources), M.noBriefSource),
          )
        : view.me
          ? el('p', { className: 'hint' }, t(M.notConcern, { issue: names.issueName(issueId) }))
          : null,
    ],
  });
  return el('div', { className: 'option-info' }, statusBadge(option), details);
}

/** Who is at the table for each side at the current meeting, and where that comes from. */
export function attendanceBlock(view: SeatView, where: string): HTMLElement {
  const names = namesFor(view);
  const meeting = view.scenario.calendar[view.meeting.index];
  const rows = attendanceOf(
    { participants: view.meeting.participants, attendance: meeting?.attendance },
    view.scenario.parties,
  );
  const recorded = rows.some((r) => r.recorded);
  const ids = meeting?.attendanceSources ?? [];
  const M = msg().sources;
  return el(
    'div',
    { className: 'attendance', attrs: { 'data-meeting': view.meeting.venue } },
    el('p', { className: 'attendance-title' }, t(M.whoAt, { venue: view.meeting.venue })),
    el(
      'ul',
      { className: 'attendance-list' },
      ...rows.map((r) =>
        el(
          'li',
          {},
          el('strong', {}, `${names.party(r.party)}: `),
          r.roles.join(', '),
          r.recorded ? null : el('span', { className: 'hint' }, M.asListed),
        ),
      ),
    ),
    ids.length
      ? sourcesDisclosure(`${where}-attendance-${view.meeting.id}`, view.scenario.sources, ids, [
          M.sources,
          el('span', { className: 'visually-hidden' }, M.forWho),
        ])
      : recorded
        ? null
        : el('p', { className: 'hint' }, M.noAttendance),
  );
}

/** The sources of a piece of news, on demand. */
export function newsSources(view: SeatView, news: SeatNews): HTMLElement {
  return sourcesDisclosure(`news-${news.seq}`, view.scenario.sources, news.sources, [
    msg().sources.sources,
    el('span', { className: 'visually-hidden' }, t(msg().sources.forNews, { title: news.title })),
  ]);
}
