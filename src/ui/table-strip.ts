// The table in words: a compact strip of what the table picture shows (meeting, round, who speaks, each package's
// version, agenda and who accepts or signed it). On a phone it stands in for the picture at the top of the screen;
// it is text, so it reads at any size and to a screen reader.
import { meetingPosition } from '../engine/seat-figures';
import type { SeatView } from '../engine/view';
import { date, msg, t } from '../i18n';
import { el } from './dom';
import { namesFor } from './names';

export function renderTableStrip(view: SeatView, isAi: (seat: string) => boolean): HTMLElement {
  const M = msg().strip;
  const names = namesFor(view);
  const pos = meetingPosition(view);
  const speaker = view.speaker;
  const speaking =
    view.status === 'ended'
      ? M.over
      : speaker === null
        ? ''
        : speaker === view.seat
          ? M.youSpeak
          : t(isAi(speaker) ? M.aiSpeaks : M.speaks, { party: names.party(speaker) });
  const items = view.packages.map((p) => {
    const accepted = p.acceptedBy.map((x) => names.party(x));
    const state = p.agreed ? M.agreed : p.onAgenda ? M.onAgenda : M.offAgenda;
    return el(
      'li',
      {
        className: `strip-package${p.agreed ? ' agreed' : ''}${p.onAgenda ? ' on-agenda' : ''}`,
        attrs: { 'data-package': p.id },
      },
      el('span', { className: 'strip-name' }, names.packageName(p.id)),
      el('span', { className: 'strip-state' }, p.agreed ? `✓ ${state}` : state),
      el(
        'span',
        { className: 'strip-accepted' },
        accepted.length ? t(M.accepted, { parties: accepted.join(', ') }) : M.noneAccepted,
      ),
    );
  });
  const signed = Object.entries(view.signatures)
    .filter(([, v]) => v === view.textVersion)
    .map(([p]) => names.party(p));
  return el(
    'section',
    { id: 'table-strip', className: 'table-strip', attrs: { 'aria-labelledby': 'table-strip-heading' } },
    el('h2', { id: 'table-strip-heading', className: 'strip-heading' }, M.heading),
    el(
      'p',
      { className: 'strip-meeting' },
      t(M.meeting, {
        number: pos.number,
        total: pos.total,
        venue: view.meeting.venue,
        date: date(view.meeting.date),
        round: Math.min(view.round + 1, view.meeting.turns),
        turns: view.meeting.turns,
        version: view.textVersion,
      }),
    ),
    speaking ? el('p', { className: 'strip-speaking' }, speaking) : null,
    el('ul', { className: 'strip-packages' }, ...items),
    signed.length
      ? el('p', { className: 'strip-signed' }, t(M.signed, { parties: signed.join(', ') }))
      : null,
  );
}
