// One card per package: the current text with your values, the amendment builder with a live score, and the
// package moves (accept, reject, conditional accept, propose, publish).
import type { Move } from '../engine/intents';
import type { SeatView } from '../engine/view';
import { list, msg, named, namedList, principalWords, t } from '../i18n';
import type { Text } from '../scenario/schema';
import { lazyDetails } from './disclosure';
import { el, formatPoints } from './dom';
import { termHelp } from './glossary';
import { namesFor } from './names';
import { addedOptionKeys } from './news-banner';
import { optionValue, packageShareFor, ratificationFailures, redLinesCrossed, utilityFor } from './scoring';
import { optionSources } from './sources-panel';

/** What the player has set up but not sent yet; it survives re-renders. */
export interface Drafts {
  /** Issue id → the option the player would like instead. */
  options: Map<string, string>;
  /** Package id → linked packages ticked for a conditional acceptance. */
  links: Map<string, Set<string>>;
}

export function newDrafts(): Drafts {
  return { options: new Map(), links: new Map() };
}

export interface CardContext {
  view: SeatView;
  canAct: boolean;
  drafts: Drafts;
  act(move: Move, focusAfter?: string): void;
  rerender(focusId?: string): void;
  fail(message: string): void;
}

/** The issues of a package whose draft differs from the current text. */
export function changesIn(view: SeatView, drafts: Drafts, packageId: string): Text {
  const pkg = view.scenario.packages.find((p) => p.id === packageId);
  const out: Text = {};
  for (const issue of pkg?.issues ?? []) {
    const want = drafts.options.get(issue.id);
    if (want !== undefined && want !== view.text[issue.id]) out[issue.id] = want;
  }
  return out;
}

function draftText(view: SeatView, drafts: Drafts): Text {
  const text: Text = { ...view.text };
  for (const [issue, option] of drafts.options) text[issue] = option;
  return text;
}

/** A control usable on the seat's turn only: disabled unless the seat may act and the control is `ready`. */
function turnGate(canAct: boolean, ready: boolean): { disabled: boolean; 'data-turn': string } {
  return { disabled: !(canAct && ready), 'data-turn': ready ? 'ready' : 'wait' };
}

/** The cards' turn controls follow whether the seat may act now, without drawing the cards again. */
/** Everything the cards show, so a screen draws them again only when one of these changed: the text, each
 * package's state, the open amendments, this seat's figures, the news (options added) and its drafts. Whether the
 * seat may act is not among them: `applyTurn` follows it in place. */
export function cardInputs(view: SeatView, drafts: Drafts): unknown[] {
  return [
    view.seat,
    view.text,
    view.textVersion,
    view.packages,
    view.meeting,
    view.openAmendments,
    view.canPublish,
    view.me,
    view.news,
    [...drafts.options],
    [...drafts.links].map(([k, linked]) => [k, [...linked]]),
  ];
}

export function applyTurn(cards: HTMLElement, canAct: boolean): void {
  for (const node of cards.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLFieldSetElement>(
    '[data-turn]',
  ))
    node.disabled = !(canAct && node.dataset.turn === 'ready');
}

export function renderPackageCards(ctx: CardContext): HTMLElement {
  const { view } = ctx;
  const names = namesFor(view);
  const wrap = el('div', { className: 'package-cards' });
  const M = msg().cards;
  const added = addedOptionKeys(view);
  for (const pkg of view.scenario.packages) {
    const pv = view.packages.find((p) => p.id === pkg.id);
    if (!pv) continue;
    const me = view.me;
    const headingId = `pkg-${pkg.id}-heading`;
    const card = el('section', {
      className: `package-card${pv.onAgenda ? ' on-agenda' : ''}${pv.agreed ? ' agreed' : ''}`,
      attrs: { 'aria-labelledby': headingId },
    });
    card.append(
      el(
        'h3',
        { id: headingId, attrs: { tabindex: -1 } },
        pkg.name,
        // The text has one version number; a package says when it last changed in it.
        el(
          'span',
          { className: 'pkg-version' },
          pv.version === view.textVersion
            ? t(M.changedIn, { version: view.textVersion })
            : t(M.unchangedSince, { version: view.textVersion, since: pv.version }),
        ),
      ),
    );
    const badges = el('p', { className: 'badges' });
    badges.append(
      el(
        'span',
        { className: `badge ${pv.onAgenda ? 'badge-agenda' : 'badge-muted'}` },
        pv.onAgenda ? M.onAgenda : M.offAgenda,
      ),
    );
    if (pv.agreed) badges.append(el('span', { className: 'badge badge-good' }, M.agreed));
    card.append(badges);

    const accepted = pv.acceptedBy.map((p) => {
      const linked = pv.conditional[p];
      return linked?.length
        ? t(linked.length === 1 ? M.onlyIfOne : M.onlyIfMany, {
            party: names.party(p),
            packages: list(linked.map(names.packageName)),
          })
        : names.party(p);
    });
    // Nothing is agreed until every party accepts, those absent from this meeting included.
    const missing = view.scenario.parties.filter((p) => !pv.acceptedBy.includes(p.id));
    const absentOnly =
      !pv.agreed &&
      missing.length > 0 &&
      missing.every((p) => !view.meeting.participants.includes(p.id)) &&
      view.meeting.participants.every((p) => pv.acceptedBy.includes(p));
    card.append(
      el(
        'p',
        { className: 'pkg-status' },
        t(M.acceptedBy, { parties: accepted.length ? accepted.join(', ') : M.nobodyYet }),
        pv.rejectedBy.length ? t(M.rejectedBy, { parties: pv.rejectedBy.map(names.party).join(', ') }) : '',
        absentOnly
          ? t(M.absentOnly, { n: missing.length, parties: namedList(missing.map((p) => named(p))) })
          : '',
      ),
    );

    // The text and the builder, one row per issue.
    const table = el(
      'table',
      { className: 'data-table text-table' },
      el('caption', { className: 'visually-hidden' }, t(M.caption, { package: pkg.name })),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { attrs: { scope: 'col' } }, M.issue),
          el('th', { attrs: { scope: 'col' } }, M.inText),
          el('th', { attrs: { scope: 'col' } }, M.yourAmendment),
        ),
      ),
    );
    const body = el('tbody');
    for (const issue of pkg.issues) {
      const current = view.text[issue.id] ?? '';
      const currentValue = optionValue(me, issue.id, current);
      const selectId = `amend-${issue.id}`;
      const select = el('select', {
        id: selectId,
        attrs: { 'aria-label': t(M.amend, { issue: issue.name }), disabled: !pv.onAgenda },
        on: {
          change: (event) => {
            const value = (event.target as HTMLSelectElement).value;
            if (value === current) ctx.drafts.options.delete(issue.id);
            else ctx.drafts.options.set(issue.id, value);
            ctx.rerender(selectId);
          },
        },
      });
      const chosen = ctx.drafts.options.get(issue.id) ?? current;
      const fresh = issue.options.filter((o) => added.has(`${issue.id}\u0000${o.id}`));
      for (const o of issue.options) {
        const v = optionValue(me, issue.id, o.id);
        const isNew = fresh.includes(o);
        select.append(
          el(
            'option',
            { attrs: { value: o.id, selected: o.id === chosen } },
            `${isNew ? M.optionNew : ''}${o.label}${v === null ? '' : t(M.optionWorth, { value: v })}${o.id === current ? M.optionCurrent : ''}`,
          ),
        );
      }
      const currentOption = issue.options.find((o) => o.id === current);
      const chosenOption = issue.options.find((o) => o.id === chosen);
      body.append(
        el(
          'tr',
          { className: chosen !== current ? 'changed' : '' },
          el(
            'th',
            { attrs: { scope: 'row' } },
            issue.name,
            fresh.length
              ? el(
                  'span',
                  { className: 'badge badge-new' },
                  t(M.newOption, { options: fresh.map((o) => o.label).join(', ') }),
                )
              : null,
          ),
          el(
            'td',
            {},
            el('span', { className: 'option-label' }, currentOption?.label ?? M.anOption),
            currentValue === null
              ? null
              : el('span', { className: 'value-chip' }, t(M.worthToYou, { value: currentValue })),
            currentOption ? optionSources(view, issue.id, currentOption, 'card') : null,
          ),
          el(
            'td',
            {},
            select,
            // The option the player is drafting says where it stands too.
            chosenOption && chosen !== current
              ? optionSources(view, issue.id, chosenOption, 'card-draft')
              : null,
          ),
        ),
        // Every option of the issue, where it stands in the real talks and where that comes from.
        el(
          'tr',
          { className: 'issue-options-row' },
          el(
            'td',
            { attrs: { colspan: 3 } },
            lazyDetails({
              key: `card-options-${issue.id}`,
              className: 'issue-options',
              summary: [t(M.allOptions, { n: issue.options.length, issue: issue.name })],
              build: () => [
                el(
                  'ul',
                  { className: 'option-list' },
                  ...issue.options.map((o) => {
                    const v = optionValue(me, issue.id, o.id);
                    return el(
                      'li',
                      { attrs: { 'data-option': o.label } },
                      el('strong', {}, o.label),
                      v === null
                        ? null
                        : el('span', { className: 'value-chip' }, t(M.worthToYou, { value: v })),
                      o.id === current ? el('span', { className: 'badge' }, M.inTextBadge) : null,
                      added.has(`${issue.id}\u0000${o.id}`)
                        ? el('span', { className: 'badge badge-new' }, M.newBadge)
                        : null,
                      el('p', { className: 'option-description' }, o.description),
                      optionSources(view, issue.id, o, 'card-all'),
                    );
                  }),
                ),
              ],
            }),
          ),
        ),
      );
    }
    table.append(body);
    card.append(el('div', { className: 'table-scroll' }, table));

    // Live score of the text with the player's changes.
    const changes = changesIn(view, ctx.drafts, pkg.id);
    const hasChanges = Object.keys(changes).length > 0;
    if (me) {
      const minimum = me.mandate.find((m) => m.package === pkg.id)?.minimum ?? 0;
      const shareNow = packageShareFor(view, me, view.text, pkg.id);
      const withText = draftText(view, { options: new Map(Object.entries(changes)), links: new Map() });
      const shareThen = packageShareFor(view, me, withText, pkg.id);
      const utilityNow = utilityFor(me, view.text);
      const utilityThen = utilityFor(me, withText);
      const score = el('div', { className: 'live-score', attrs: { 'aria-live': 'polite' } });
      score.append(el('p', {}, t(M.now, { share: shareNow, minimum, utility: formatPoints(utilityNow) })));
      if (hasChanges) {
        const crossed = redLinesCrossed(me, withText);
        const fails = ratificationFailures(me, withText);
        score.append(
          el(
            'p',
            { className: 'with-changes' },
            t(shareThen >= minimum ? M.withChangesWithin : M.withChangesBelow, {
              share: shareThen,
              utility: formatPoints(utilityThen),
              delta: `${utilityThen >= utilityNow ? '+' : ''}${formatPoints(utilityThen - utilityNow)}`,
            }),
          ),
        );
        if (crossed.length)
          score.append(el('p', { className: 'warn' }, t(M.crosses, { lines: crossed.join(' ') })));
        if (fails.length)
          score.append(el('p', { className: 'warn' }, t(M.failsRat, { checks: fails.join(', ') })));
      }
      card.append(score);
    }

    // Package moves.
    const seat = view.seat;
    const mine = me?.mandate.find((m) => m.package === pkg.id);
    const share = me ? packageShareFor(view, me, view.text, pkg.id) : 0;
    const belowMandate = mine !== undefined && share < mine.minimum;
    const acceptedPlain = pv.acceptedBy.includes(seat) && !pv.conditional[seat];
    const rejected = pv.rejectedBy.includes(seat);
    const notes: string[] = [];
    if (!pv.onAgenda) notes.push(M.notOnAgenda);
    else {
      if (acceptedPlain) notes.push(t(M.youAccept, { package: pkg.name, version: pv.version }));
      if (belowMandate)
        notes.push(
          t(principalWords(view.scenario.parties.find((p) => p.id === seat)?.principal).belowMandate, {
            share,
            minimum: mine?.minimum ?? 0,
          }),
        );
    }
    // `ready`: the control could be used on this seat's turn; `applyTurn` enables it while the seat may act.
    const moveOk = pv.onAgenda;
    const buttons = el('div', { className: 'button-row' });
    const button = (id: string, label: string, ready: boolean, onClick: () => void, primary = false) =>
      el(
        'button',
        {
          id,
          className: primary ? 'primary' : '',
          attrs: { type: 'button', ...turnGate(ctx.canAct, ready) },
          on: { click: onClick },
        },
        label,
      );
    buttons.append(
      button(
        `accept-${pkg.id}`,
        M.accept,
        moveOk && !acceptedPlain && !belowMandate,
        () =>
          ctx.act({ type: 'package.accept', package: pkg.id, version: view.textVersion }, `accept-${pkg.id}`),
        true,
      ),
      button(`reject-${pkg.id}`, M.reject, moveOk && !rejected, () =>
        ctx.act({ type: 'package.reject', package: pkg.id, version: view.textVersion }, `reject-${pkg.id}`),
      ),
      button(`propose-${pkg.id}`, M.propose, moveOk && hasChanges, () => {
        ctx.act({ type: 'amendment.propose', package: pkg.id, options: changes }, `propose-${pkg.id}`);
      }),
    );
    if (view.canPublish) {
      buttons.append(
        button(`publish-${pkg.id}`, M.publish, moveOk && hasChanges, () =>
          ctx.act({ type: 'text.publish', text: changes }, `publish-${pkg.id}`),
        ),
      );
    }
    card.append(buttons);
    if (notes.length) card.append(el('p', { className: 'hint move-note' }, notes.join(' ')));

    // Conditional acceptance.
    const others = view.scenario.packages.filter((p) => p.id !== pkg.id);
    if (others.length) {
      const ticked = ctx.drafts.links.get(pkg.id) ?? new Set<string>();
      const condEnabled = moveOk && !belowMandate;
      const fs = el(
        'fieldset',
        { className: 'conditional', attrs: turnGate(ctx.canAct, condEnabled) },
        el('legend', {}, t(M.conditionalLegend, { package: pkg.name })),
      );
      fs.append(termHelp('conditional acceptance'));
      for (const o of others) {
        const id = `link-${pkg.id}-${o.id}`;
        fs.append(
          el(
            'span',
            { className: 'check-inline' },
            el('input', {
              id,
              attrs: { type: 'checkbox', checked: ticked.has(o.id), ...turnGate(ctx.canAct, condEnabled) },
              on: {
                change: (event) => {
                  const set = ctx.drafts.links.get(pkg.id) ?? new Set<string>();
                  if ((event.target as HTMLInputElement).checked) set.add(o.id);
                  else set.delete(o.id);
                  ctx.drafts.links.set(pkg.id, set);
                },
              },
            }),
            el('label', { attrs: { for: id } }, o.name),
          ),
        );
      }
      fs.append(
        button(`conditional-${pkg.id}`, M.conditional, condEnabled, () => {
          const links = [...(ctx.drafts.links.get(pkg.id) ?? [])];
          if (links.length === 0) {
            ctx.fail(M.tickOne);
            return;
          }
          ctx.act(
            { type: 'package.acceptConditional', package: pkg.id, version: view.textVersion, onlyIf: links },
            `conditional-${pkg.id}`,
          );
        }),
      );
      card.append(fs);
    }

    // Amendments on the table that touch this package.
    const open = view.openAmendments.filter((a) => a.package === pkg.id);
    if (open.length) {
      const list = el('ul', { className: 'amendments' });
      for (const a of open) {
        const loadId = `load-amendment-${a.id}`;
        list.append(
          el(
            'li',
            {},
            t(M.amendmentBy, { id: a.id, party: names.party(a.by) }),
            Object.entries(a.options)
              .map(([i, o]) => `${names.issueName(i)} → ${names.optionLabel(i, o)}`)
              .join('; '),
            ' ',
            el(
              'button',
              {
                id: loadId,
                className: 'link-button',
                attrs: { type: 'button', disabled: !pv.onAgenda },
                on: {
                  click: () => {
                    for (const [i, o] of Object.entries(a.options)) ctx.drafts.options.set(i, o);
                    ctx.rerender(loadId);
                  },
                },
              },
              M.load,
            ),
          ),
        );
      }
      card.append(el('div', { className: 'open-amendments' }, el('h4', {}, M.onTable), list));
    }
    wrap.append(card);
  }
  return wrap;
}
