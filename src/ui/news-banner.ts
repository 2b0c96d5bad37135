// The news banner: a scripted event as every side is told it, and what it changed that this seat may know (new
// options, dropped meetings, its own reservation value, values, the weight of an issue, support at home and trust),
// with the event's sources on demand.
import { formatDate, wordsFor } from '../engine/transcript';
import type { SeatNews, SeatView } from '../engine/view';
import { el, formatPoints } from './dom';
import { newsSources } from './sources-panel';

/** The changes of one piece of news, in plain words. */
export function newsChanges(view: SeatView, news: SeatNews): string[] {
  const w = wordsFor(view.scenario.parties, view.scenario.packages);
  const out: string[] = [];
  for (const a of news.addedOptions)
    out.push(
      `New option on ${w.issueName(a.issue)}: “${w.optionLabel(a.issue, a.option)}” (marked new in the text)`,
    );
  for (const id of news.droppedMeetings) {
    const m = view.scenario.calendar.find((c) => c.id === id);
    out.push(
      `The meeting ${m ? `at ${m.venue} on ${formatDate(m.date, true)}` : 'planned later'} is cancelled`,
    );
  }
  if (news.reservation !== 0) {
    const now = view.me?.reservation;
    out.push(
      `Your reservation value (what no deal is worth to you) ${news.reservation < 0 ? 'falls' : 'rises'} by ${formatPoints(Math.abs(news.reservation))}${now !== undefined ? `, to ${formatPoints(now)}` : ''}`,
    );
  }
  for (const v of news.values) {
    out.push(
      `${w.issueName(v.issue)}: “${w.optionLabel(v.issue, v.option)}” is worth ${Math.abs(v.delta)} ${v.delta < 0 ? 'less' : 'more'} to you (0–100 scale)`,
    );
  }
  for (const wt of news.weights) {
    // The weight shown is the one in force now (the seat's weights are renormalised to 100 after each change).
    const now = view.me?.preferences[wt.issue]?.weight;
    out.push(
      `${w.issueName(wt.issue)} matters ${wt.delta < 0 ? 'less' : 'more'} to you${now !== undefined ? `: it now weighs ${now} of your 100 points` : ''}`,
    );
  }
  for (const s of news.support) {
    const check = view.me?.ratification.find((r) => r.id === s.check);
    out.push(
      `Support at home${check ? ` for ${check.body}` : ''} ${s.delta < 0 ? 'falls' : 'rises'} by ${Math.abs(s.delta)} points`,
    );
  }
  for (const t of news.trust)
    out.push(`Your trust in ${w.party(t.toward)} ${t.delta < 0 ? 'falls' : 'rises'} by ${Math.abs(t.delta)}`);
  if (out.length === 0) out.push('Nothing in your own figures changes; the others may see it differently.');
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
  banner.append(el('h2', { id: 'news-heading' }, fresh.length === 1 ? 'News' : `News (${fresh.length})`));
  for (const n of [...fresh].reverse()) {
    banner.append(
      el(
        'div',
        { className: 'news-item' },
        el('h3', {}, `${n.title}${n.injected ? ' (announced by the organiser)' : ''}`),
        el('p', {}, n.text),
        el('p', { className: 'news-what' }, 'What changed:'),
        el('ul', { className: 'news-changes' }, ...newsChanges(view, n).map((c) => el('li', {}, c))),
        n.sources.length
          ? newsSources(view, n)
          : el('p', { className: 'hint' }, 'The scenario gives no source for this news.'),
      ),
    );
  }
  banner.append(
    el(
      'button',
      { id: 'news-dismiss', className: 'quiet', attrs: { type: 'button' }, on: { click: onDismiss } },
      'Got it, hide the news',
    ),
  );
  return banner;
}

/** Options added by events this game, as "issue\u0000option" keys (marked new in the text). */
export function addedOptionKeys(view: SeatView): Set<string> {
  return new Set(view.news.flatMap((n) => n.addedOptions.map((a) => `${a.issue}\u0000${a.option}`)));
}
