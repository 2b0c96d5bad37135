// The move log: every event this seat may see, one line each in plain words (the engine's LogReader), with the
// public reason, a diff for each new text (better or worse for this seat only), and filters by party and package.
import { changeWorth } from '../engine/seat-figures';
import type { GameEvent } from '../engine/state';
import { LogReader, wordsFor } from '../engine/transcript';
import type { SeatView } from '../engine/view';
import { logPhrases, msg, t } from '../i18n';
import { el, formatPoints } from './dom';
import { eventReason } from './said-words';

export interface MoveLog {
  /** The filters and the log itself. */
  element: HTMLElement;
  update(view: SeatView): void;
  /** Lines shown so far. */
  count(): number;
}

const KIND: Partial<Record<GameEvent['type'], string>> = {
  'meeting.opened': 'log-meeting',
  'meeting.closed': 'log-meeting-closed',
  'scripted.event': 'log-event',
  'game.ended': 'log-outcome',
  'ratification.held': 'log-ratification',
  'text.published': 'log-text',
  'party.walkedAway': 'log-walkout',
};

/** The parties an event is about (for the party filter). */
function partiesOf(e: GameEvent): string[] {
  if ('by' in e && typeof e.by === 'string') {
    return e.type === 'proposal.answered' ? [e.by, e.proposer] : [e.by];
  }
  if ('party' in e && typeof e.party === 'string') return [e.party];
  return [];
}

/** The packages an event is about (for the package filter); empty means it concerns the whole table. */
function packagesOf(e: GameEvent, packageOf: (issue: string) => string | undefined): string[] {
  switch (e.type) {
    case 'text.published':
      return e.changedPackages;
    case 'package.accepted':
      return [e.package, ...Object.keys(e.onlyIf ?? {})];
    case 'package.rejected':
    case 'acceptance.lapsed':
    case 'amendment.proposed':
    case 'amendment.lapsed':
    case 'capital.consulted':
    case 'capital.replied':
      return [e.package];
    case 'signal.sent':
    case 'commitment.broken':
      return [packageOf(e.issue) ?? ''];
    case 'proposal.answered':
      return e.issue ? [packageOf(e.issue) ?? ''] : [];
    default:
      return [];
  }
}

export function createMoveLog(headingId: string, view0: SeatView): MoveLog {
  const list = el('ol', { className: 'move-log' });
  // The live region wraps the list (a list keeps its list semantics); new lines are announced politely.
  const scroller = el(
    'div',
    {
      className: 'move-log-scroll',
      attrs: {
        role: 'log',
        'aria-live': 'polite',
        'aria-relevant': 'additions',
        'aria-labelledby': headingId,
        tabindex: 0,
      },
    },
    list,
  );
  const M = msg().log;
  const partyFilter = el('select', { id: 'log-filter-party' });
  partyFilter.append(el('option', { attrs: { value: '' } }, M.everyParty));
  for (const p of view0.scenario.parties)
    partyFilter.append(el('option', { attrs: { value: p.id } }, p.name));
  const packageFilter = el('select', { id: 'log-filter-package' });
  packageFilter.append(el('option', { attrs: { value: '' } }, M.everyPackage));
  for (const p of view0.scenario.packages)
    packageFilter.append(el('option', { attrs: { value: p.id } }, p.name));
  const filterNote = el('p', { className: 'hint log-filter-note', attrs: { role: 'status' } });
  const filters = el(
    'div',
    { className: 'log-filters' },
    el('label', { attrs: { for: partyFilter.id } }, M.showBy),
    partyFilter,
    el('label', { attrs: { for: packageFilter.id } }, M.on),
    packageFilter,
  );
  // Scrolling to the newest move reads the log's height, which lays the page out: after a move that is done once, in
  // the next frame (with the layout the frame does anyway), not in the middle of the update (a long task each move).
  let scrollFrame = 0;
  const scrollToEnd = () => {
    scrollFrame = 0;
    scroller.scrollTop = scroller.scrollHeight;
  };
  const filterItems = () => {
    const party = partyFilter.value;
    const pkg = packageFilter.value;
    let shown = 0;
    for (const item of list.children as HTMLCollectionOf<HTMLElement>) {
      const parties = (item.dataset.parties ?? '').split(' ').filter(Boolean);
      const packages = (item.dataset.packages ?? '').split(' ').filter(Boolean);
      const always = item.classList.contains('log-meeting');
      const ok =
        always || ((party === '' || parties.includes(party)) && (pkg === '' || packages.includes(pkg)));
      item.hidden = !ok;
      if (ok && !always) shown++;
    }
    filterNote.textContent = party || pkg ? t(M.shown, { n: shown }) : '';
  };
  const applyFilter = () => {
    filterItems();
    scrollToEnd();
  };
  partyFilter.addEventListener('change', applyFilter);
  packageFilter.addEventListener('change', applyFilter);
  const element = el('div', { className: 'move-log-wrap' }, filters, filterNote, scroller);

  let reader: LogReader | null = null;
  let seen = 0;
  let lines = 0;

  return {
    element,
    count: () => lines,
    update(view) {
      // Options an event adds appear in the live packages: the words follow them.
      const words = wordsFor(view.scenario.parties, view.scenario.packages, [], view.scenario.calendar);
      if (!reader) reader = new LogReader(words, logPhrases());
      else reader.words = words;
      const parties = new Map(view.scenario.parties.map((p) => [p.id, p]));
      const fresh = view.log.slice(seen);
      seen = view.log.length;
      for (const event of fresh) {
        const read = reader.read(event);
        if (read === null) continue;
        const by = 'by' in event && typeof event.by === 'string' ? parties.get(event.by) : undefined;
        const item = el('li', {
          className: `log-line ${KIND[event.type] ?? ''}`.trim(),
          attrs: {
            'data-parties': partiesOf(event).join(' '),
            'data-packages': packagesOf(event, words.packageOf).join(' '),
            'data-type': event.type,
          },
        });
        if (by) {
          item.append(
            el('span', {
              className: 'log-dot',
              attrs: { 'aria-hidden': 'true', style: `background:${by.color}` },
            }),
          );
        }
        item.append(el('span', { className: 'log-text' }, read.text));
        const reason = eventReason(view.scenario, event);
        if (reason) item.append(el('span', { className: 'log-reason' }, `“${reason}”`));
        if (event.type === 'text.published' && event.version === 1) {
          // The opening text in full, folded: fourteen issues are a page, not a line.
          item.append(
            el(
              'details',
              { className: 'log-details' },
              el('summary', {}, M.opening),
              el('ul', {}, ...read.details.map((d) => el('li', {}, d))),
            ),
          );
        } else if (event.type === 'text.published') {
          item.append(diffList(view, read.changes, words));
        } else if (read.details.length) {
          item.append(el('ul', { className: 'log-diff' }, ...read.details.map((d) => el('li', {}, d))));
        }
        // The seat's own private note (only ever present on its own events) helps it remember why.
        if (event.private && event.private.party === view.seat) {
          item.append(el('span', { className: 'log-private' }, t(M.note, { note: event.private.note })));
        }
        list.append(item);
        lines += 1;
      }
      if (fresh.length) {
        filterItems();
        if (!scrollFrame) scrollFrame = requestAnimationFrame(scrollToEnd);
      }
    },
  };
}

/** A new version's changes, each with what it does for this seat (its own values only). */
function diffList(
  view: SeatView,
  changes: ReadonlyArray<{ issue: string; from: string | null; to: string }>,
  words: ReturnType<typeof wordsFor>,
): HTMLElement {
  const M = msg().log;
  const say = logPhrases();
  const list = el('ul', { className: 'log-diff', attrs: { 'aria-label': M.changed } });
  let total = 0;
  for (const c of changes) {
    const worth = view.me ? changeWorth(view.me, c) : null;
    const item = el(
      'li',
      {},
      say.change(
        words.issueName(c.issue),
        c.from ? words.optionLabel(c.issue, c.from) : null,
        words.optionLabel(c.issue, c.to),
      ),
    );
    if (worth && worth.from !== null) {
      total += worth.points;
      const verdict = worth.points > 0 ? M.better : worth.points < 0 ? M.worse : M.same;
      item.append(
        ' ',
        el(
          'span',
          { className: `diff-verdict diff-${worth.points > 0 ? 'good' : worth.points < 0 ? 'bad' : 'same'}` },
          t(verdict, { from: worth.from, to: worth.to }),
        ),
      );
    } else if (view.me && !worth) item.append(' ', el('span', { className: 'diff-verdict' }, M.noStake));
    list.append(item);
  }
  if (view.me && changes.length) {
    list.append(
      el(
        'li',
        { className: 'diff-total' },
        t(M.total, { sign: total > 0 ? '+' : total < 0 ? '−' : '±', points: formatPoints(Math.abs(total)) }),
      ),
    );
  }
  return list;
}
