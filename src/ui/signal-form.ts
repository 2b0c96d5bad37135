// The signal form: a priority, a concern, a red line, a public commitment or a retraction on an issue.
import type { Move, SignalKind } from '../engine/intents';
import type { SeatView } from '../engine/view';
import { msg, t } from '../i18n';
import { el } from './dom';

export interface SignalForm {
  element: HTMLElement;
  /** `error`: the table's answer to the last signal, shown beside the button. */
  update(view: SeatView, canAct: boolean, error?: string): void;
}

const kinds = (): Array<{ id: SignalKind; label: string }> => {
  const m = msg().signal;
  return [
    { id: 'priority', label: m.priority },
    { id: 'concern', label: m.concern },
    { id: 'red-line', label: m.redLine },
    { id: 'commitment', label: m.commitment },
    { id: 'retract', label: m.retract },
  ];
};

export function createSignalForm(view0: SeatView, send: (move: Move) => Promise<boolean>): SignalForm {
  let view = view0;
  const M = msg().signal;
  const kind = el('select', { id: 'signal-kind' });
  for (const k of kinds()) kind.append(el('option', { attrs: { value: k.id } }, k.label));
  const issue = el('select', { id: 'signal-issue' });
  for (const pkg of view.scenario.packages) {
    const group = el('optgroup', { attrs: { label: pkg.name } });
    for (const i of pkg.issues) group.append(el('option', { attrs: { value: i.id } }, i.name));
    issue.append(group);
  }
  const option = el('select', { id: 'signal-option' });
  const fillOptions = () => {
    const keep = option.value;
    const found = view.scenario.packages.flatMap((p) => p.issues).find((i) => i.id === issue.value);
    option.replaceChildren(el('option', { attrs: { value: '' } }, M.noOption));
    for (const o of found?.options ?? []) {
      const v = view.me?.preferences[found?.id ?? '']?.values[o.id];
      option.append(
        el(
          'option',
          { attrs: { value: o.id } },
          `${o.label}${v === undefined ? '' : t(M.worth, { value: v })}`,
        ),
      );
    }
    if ([...option.options].some((o) => o.value === keep)) option.value = keep;
  };
  issue.addEventListener('change', fillOptions);
  fillOptions();

  const toAll = el('input', {
    id: 'signal-to-all',
    attrs: { type: 'radio', name: 'signal-to', checked: true },
  });
  const toSome = el('input', { id: 'signal-to-some', attrs: { type: 'radio', name: 'signal-to' } });
  const recipients = el('div', { className: 'recipients' });
  const others = view.scenario.parties.filter((p) => p.id !== view.seat);
  const boxes = others.map((p) => {
    const box = el('input', { id: `signal-to-${p.id}`, attrs: { type: 'checkbox', value: p.id } });
    recipients.append(
      el('span', { className: 'check-inline' }, box, el('label', { attrs: { for: box.id } }, p.name)),
    );
    return box;
  });
  const publicNote = el('p', { id: 'signal-public-note', className: 'hint' });
  // A public commitment binds before everyone, so it only goes to everyone: the form says so instead of letting
  // the table refuse it.
  const syncRecipients = () => {
    const isPublic = kind.value === 'commitment';
    if (isPublic) toAll.checked = true;
    toSome.disabled = toAll.disabled || isPublic;
    for (const b of boxes) b.disabled = toAll.checked || toAll.disabled;
    publicNote.textContent = isPublic ? M.publicNote : '';
  };
  kind.addEventListener('change', syncRecipients);
  toAll.addEventListener('change', syncRecipients);
  toSome.addEventListener('change', syncRecipients);

  const message = el('textarea', { id: 'signal-message', attrs: { maxlength: 280, rows: 2 } });
  const counter = el(
    'span',
    { id: 'signal-count', className: 'hint', attrs: { 'aria-live': 'off' } },
    '0 / 280',
  );
  message.addEventListener('input', () => {
    counter.textContent = `${message.value.length} / 280`;
  });
  const submit = el('button', { id: 'signal-send', attrs: { type: 'submit' } }, M.send);
  const errorBox = el('p', { id: 'signal-error', className: 'move-error', attrs: { role: 'alert' } });
  // "Signal sent.": said once the table has taken it, so a player who cannot see the log knows it went.
  const sentBox = el('p', { id: 'signal-sent', className: 'hint', attrs: { role: 'status' } });
  const fail = (text: string) => {
    errorBox.textContent = text;
  };

  const form = el(
    'form',
    {
      className: 'signal-form',
      attrs: { 'aria-labelledby': 'signal-heading' },
      on: {
        submit: async (event) => {
          event.preventDefault();
          const to: 'all' | string[] = toAll.checked
            ? 'all'
            : boxes.filter((b) => b.checked).map((b) => b.value);
          if (to !== 'all' && to.length === 0) {
            fail(M.chooseParty);
            return;
          }
          const text = message.value.trim();
          const move: Move = {
            type: 'signal.send',
            kind: kind.value as SignalKind,
            issue: issue.value,
            to,
            ...(option.value ? { option: option.value } : {}),
            ...(text ? { message: text.slice(0, 280) } : {}),
          };
          sentBox.textContent = '';
          if (await send(move)) {
            message.value = '';
            counter.textContent = '0 / 280';
            sentBox.textContent = M.sent;
          }
        },
      },
    },
    el('h3', { id: 'signal-heading', attrs: { tabindex: -1 } }, M.heading),
    el('div', { className: 'field' }, el('label', { attrs: { for: kind.id } }, M.kind), kind),
    el('div', { className: 'field' }, el('label', { attrs: { for: issue.id } }, M.issue), issue),
    el('div', { className: 'field' }, el('label', { attrs: { for: option.id } }, M.option), option),
    el(
      'fieldset',
      { className: 'field' },
      el('legend', {}, M.to),
      el('span', { className: 'check-inline' }, toAll, el('label', { attrs: { for: toAll.id } }, M.everyone)),
      el('span', { className: 'check-inline' }, toSome, el('label', { attrs: { for: toSome.id } }, M.only)),
      recipients,
      publicNote,
    ),
    el(
      'div',
      { className: 'field' },
      el('label', { attrs: { for: message.id } }, t(M.message, { max: 280 })),
      message,
      counter,
    ),
    el('div', { className: 'button-row' }, submit),
    errorBox,
    sentBox,
  );

  const controls = [kind, issue, option, toAll, toSome, message, submit];
  return {
    element: form,
    update(next, canAct, error = '') {
      view = next;
      fillOptions();
      for (const c of controls) c.disabled = !canAct;
      syncRecipients();
      if (errorBox.textContent !== error) errorBox.textContent = error;
    },
  };
}
