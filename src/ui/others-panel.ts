// Know the others: for each other party, its public profile, what everyone believes it wants most (the
// scenario's public priors) and everything it has said in this seat's hearing (signals, with their words).
import { LogReader, wordsFor } from '../engine/transcript';
import type { SeatView } from '../engine/view';
import { list as listOf, logPhrases, msg, t } from '../i18n';
import { el } from './dom';
import { eventReason } from './said-words';

export function renderOthers(view: SeatView): HTMLElement {
  const w = wordsFor(view.scenario.parties, view.scenario.packages);
  const root = el('div', { className: 'others' });
  const M = msg().others;
  const said = M.said as Record<string, string>;
  // Its moves with their public reasons, as the log tells them.
  const reader = new LogReader(w, logPhrases());
  const moves = new Map<string, Array<{ text: string; reason: string }>>();
  for (const e of view.log) {
    const line = reader.read(e);
    if (!line || e.type === 'signal.sent' || !e.reason?.public || !('by' in e)) continue;
    const list = moves.get(e.by) ?? [];
    list.push({ text: line.text, reason: eventReason(view.scenario, e) ?? e.reason.public });
    moves.set(e.by, list);
  }
  for (const party of view.scenario.parties) {
    if (party.id === view.seat) continue;
    const prior = view.scenario.publicPriors.find((p) => p.about === party.id);
    const body = el('div', { className: 'other-body' }, el('p', {}, party.publicProfile));
    if (prior) {
      body.append(
        el('h4', {}, M.believes),
        el(
          'ul',
          {},
          ...prior.priorities.map((issue) => {
            const option = prior.preferred[issue];
            return el(
              'li',
              {},
              el('strong', {}, w.issueName(issue)),
              option ? `: ${w.optionLabel(issue, option)}` : '',
            );
          }),
          ...Object.entries(prior.preferred)
            .filter(([issue]) => !prior.priorities.includes(issue))
            .map(([issue, option]) => el('li', {}, `${w.issueName(issue)}: ${w.optionLabel(issue, option)}`)),
        ),
      );
    }
    const saidBy = view.log.filter((e) => e.type === 'signal.sent' && e.by === party.id);
    const list = el('ul', { className: 'said' });
    for (const e of saidBy) {
      if (e.type !== 'signal.sent') continue;
      const what = e.option
        ? `${w.issueName(e.issue)}: ${w.optionLabel(e.issue, e.option)}`
        : w.issueName(e.issue);
      const to =
        e.recipients === 'all'
          ? ''
          : t(M.onlyTo, {
              parties: listOf(
                e.recipients.filter((r) => r !== e.by).map((r) => (r === view.seat ? M.you : w.party(r))),
              ),
            });
      const words = eventReason(view.scenario, e) ?? e.message;
      list.append(
        el(
          'li',
          {},
          el('strong', {}, `${said[e.kind] ?? M.saidOther}: `),
          what,
          to,
          words ? el('span', { className: 'said-words' }, ` “${words}”`) : null,
        ),
      );
    }
    body.append(
      el('h4', {}, t(M.signalled, { party: party.shortName })),
      saidBy.length ? list : el('p', { className: 'hint' }, M.nothing),
    );
    const reasons = moves.get(party.id) ?? [];
    if (reasons.length) {
      // The latest few: the whole record is in the move log (filter it by this party).
      body.append(
        el('h4', {}, M.why),
        el(
          'ul',
          { className: 'said' },
          ...reasons
            .slice(-6)
            .map((m) => el('li', {}, m.text, el('span', { className: 'said-words' }, ` “${m.reason}”`))),
        ),
      );
    }
    const total = saidBy.length + reasons.length;
    root.append(
      el(
        'details',
        { className: 'other-party', attrs: { 'data-party': party.shortName } },
        el(
          'summary',
          {},
          el('span', {
            className: 'log-dot',
            attrs: { 'aria-hidden': 'true', style: `background:${party.color}` },
          }),
          ` ${party.name}`,
          el('span', { className: 'hint' }, t(M.statements, { n: total })),
        ),
        body,
      ),
    );
  }
  return root;
}
