// The news banner: a scripted event as every side is told it, and what it changed that this seat may know (new
// options, dropped meetings, its own reservation value, values, the weight of an issue, support at home and trust),
// with the event's sources on demand.
import { wordsFor } from '../engine/transcript';
import type { SeatNews, SeatView } from '../engine/view';
import { date, msg, t } from '../i18n';
import { el, formatPoints } from './dom';
import { newsSources } from './sources-panel';

/** The changes of one piece of news, in plain words. */
export function newsChanges(view: SeatView, news: SeatNews): string[] {
  const w = wordsFor(view.scenario.parties, view.scenario.packages);
  const M = msg().news;
  const out: string[] = [];
  for (const a of news.addedOptions)
    out.push(t(M.newOption, { issue: w.issueName(a.issue), option: w.optionLabel(a.issue, a.option) }));
  for (const id of news.droppedMeetings) {
    const m = view.scenario.calendar.find((c) => c.id === id);
    out.push(m ? t(M.cancelledAt, { venue: m.venue, date: date(m.date, true) }) : M.cancelledLater);
  }
  if (news.reservation !== 0) {
    const now = view.me?.reservation;
    out.push(
      t(news.reservation < 0 ? M.reservationFalls : M.reservationRises, {
        points: formatPoints(Math.abs(news.reservation)),
      }) + (now !== undefined ? t(M.reservationNow, { points: formatPoints(now) }) : ''),
    );
  }
  for (const v of news.values) {
    out.push(
      t(v.delta < 0 ? M.valueLess : M.valueMore, {
        issue: w.issueName(v.issue),
        option: w.optionLabel(v.issue, v.option),
        n: Math.abs(v.delta),
      }),
    );
  }
  for (const wt of news.weights) {
    // The weight shown is the one in force now (the seat's weights are renormalised to 100 after each change).
    const now = view.me?.preferences[wt.issue]?.weight;
    out.push(
      t(wt.delta < 0 ? M.mattersLess : M.mattersMore, { issue: w.issueName(wt.issue) }) +
        (now !== undefined ? t(M.weighsNow, { weight: now }) : ''),
    );
  }
  for (const s of news.support) {
    const check = view.me?.ratification.find((r) => r.id === s.check);
    out.push(
      t(s.delta < 0 ? M.supportFalls : M.supportRises, {
        body: check ? t(M.supportFor, { body: check.body }) : '',
        n: Math.abs(s.delta),
      }),
    );
  }
  for (const tr of news.trust)
    out.push(
      t(tr.delta < 0 ? M.trustFalls : M.trustRises, { party: w.party(tr.toward), n: Math.abs(tr.delta) }),
    );
  if (out.length === 0) out.push(M.nothing);
  return out;
}

/** A banner for the news not yet hidden (the latest first), or null when there is none. */
export function renderNewsBanner(
  view: SeatView,
  onDismiss: () => void,
  dismissed: ReadonlySet<number>,
): HTMLElement | null {
  // Every piece of news the player has not hidden yet: a seat that was away learns what happened meanwhile.
  const fresh = view.news.filter((n) => !dismissed.has(n.seq));
  if (fresh.length === 0) return null;
  const banner = el('section', {
    id: 'news-banner',
    className: 'news-banner',
    attrs: { 'aria-labelledby': 'news-heading', role: 'region' },
  });
  const M = msg().news;
  banner.append(
    el('h2', { id: 'news-heading' }, fresh.length === 1 ? M.heading : t(M.headingCount, { n: fresh.length })),
  );
  for (const n of [...fresh].reverse()) {
    banner.append(
      el(
        'div',
        { className: 'news-item' },
        el('h3', {}, `${n.title}${n.injected ? M.organiser : ''}`),
        el('p', {}, n.text),
        el('p', { className: 'news-what' }, M.whatChanged),
        el('ul', { className: 'news-changes' }, ...newsChanges(view, n).map((c) => el('li', {}, c))),
        n.sources.length ? newsSources(view, n) : el('p', { className: 'hint' }, M.noSource),
      ),
    );
  }
  banner.append(
    el(
      'button',
      { id: 'news-dismiss', className: 'quiet', attrs: { type: 'button' }, on: { click: onDismiss } },
      M.dismiss,
    ),
  );
  return banner;
}

/** Options added by events this game, as "issue\u0000option" keys (marked new in the text). */
export function addedOptionKeys(view: SeatView): Set<string> {
  return new Set(view.news.flatMap((n) => n.addedOptions.map((a) => `${a.issue}\u0000${a.option}`)));
}
