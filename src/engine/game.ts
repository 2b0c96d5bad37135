// The rules: a game starts from a scenario and a seed, and each intent either becomes events or is refused.

import { ownValue, ownValue2 } from '../scenario/own';
import { credibilityOf, principalOf, type Scenario, type ScriptedEvent, type Text } from '../scenario/schema';
import { discounted, issuesOf, runCheck, utilityOf } from '../scenario/utility';
import { EngineError } from './errors';
import { checkIntent } from './intent-check';
import { DIRECTOR, type Intent, IntentSchema } from './intents';
import {
  currentMeeting,
  currentSpeaker,
  findIssue,
  idealUtility,
  isAuthor,
  isLastMeeting,
  livePackageShare,
  liveProfile,
  meetingAt,
  nextMeetingIndex,
  packageOfIssue,
  provisionallyAgreed,
  signCheck,
} from './live';
import { breaks, breakWord, meets, proposalKind, shiftSupport, standingObjection } from './public-words';
import { seedFrom } from './rng';
import {
  type Commitment,
  type GameEvent,
  type GameState,
  type LoggedReason,
  type Outcome,
  type PartyResult,
  type RatificationOutcome,
  STATE_FORMAT,
  type Visibility,
} from './state';
import { Step, workingCopy } from './step';

/** Starts a game: the first meeting opens and its first speaker has the floor. */
export function createGame(scenario: Scenario, seed: number | string): GameState {
  const parties = scenario.parties.map((p) => p.id);
  const trust: GameState['trust'] = {};
  for (const a of parties) {
    trust[a] = {};
    for (const b of parties) if (a !== b) trust[a][b] = scenario.profiles[a]?.personality.trustInOthers ?? 50;
  }
  const packageVersion: Record<string, number> = {};
  for (const p of scenario.packages) packageVersion[p.id] = 1;
  const state: GameState = {
    format: STATE_FORMAT,
    scenarioId: scenario.meta.id,
    seed: String(seed),
    rng: seedFrom(seed),
    status: 'negotiating',
    meeting: 0,
    meetingsElapsed: 0,
    order: [],
    round: 0,
    speaker: 0,
    away: [],
    textVersion: 1,
    text: { ...scenario.initialText },
    packageVersion,
    acceptances: {},
    rejections: {},
    amendments: [],
    signatures: {},
    commitments: [],
    commitmentSupport: {},
    pendingConsultations: [],
    mandateShift: {},
    reservationShift: {},
    valueShift: {},
    addedOptions: [],
    trust,
    supportShift: {},
    droppedMeetings: [],
    firedEvents: [],
    ratifications: 0,
    outcome: null,
    seq: 0,
    log: [],
  };
  const step = new Step(scenario, state);
  step.emit({ type: 'game.started', to: 'all', seed: state.seed, parties });
  step.emit({
    type: 'text.published',
    to: 'all',
    by: scenario.mediator ?? parties[0] ?? '',
    version: 1,
    changed: { ...scenario.initialText },
    changedPackages: scenario.packages.map((p) => p.id),
    folds: [],
  });
  openMeeting(step, 0);
  step.commit();
  return state;
}

export type ApplyResult =
  | { ok: true; state: GameState; events: GameEvent[] }
  | { ok: false; error: EngineError };

/** Applies one intent. The input state's fields are never changed (its log array is shared and grows: see
 * `eventsOf`); a refused intent changes nothing. */
export function applyIntent(scenario: Scenario, state: GameState, raw: unknown): ApplyResult {
  const checked = checkIntent(raw);
  const parsed = checked ? { success: true as const, data: checked } : IntentSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: new EngineError(
        'malformed',
        `malformed intent: ${first ? `${first.path.join('.')}: ${first.message}` : ''}`,
      ),
    };
  }
  const step = new Step(scenario, workingCopy(state));
  try {
    handle(step, parsed.data);
  } catch (e) {
    if (e instanceof EngineError) return { ok: false, error: e };
    throw e;
  }
  step.commit();
  return { ok: true, state: step.state, events: step.events };
}

/** Applies a whole intent log from the start; throws on the first refused intent. */
export function replay(scenario: Scenario, seed: number | string, intents: readonly unknown[]): GameState {
  let state = createGame(scenario, seed);
  for (const [i, intent] of intents.entries()) {
    const r = applyIntent(scenario, state, intent);
    if (!r.ok) throw new Error(`intent ${i} refused on replay: ${r.error.message}`);
    state = r.state;
  }
  return state;
}

/** An event with the intent's public reason and private note, when it has them (after its own fields). */
function worded<T extends object>(
  e: T,
  reason: LoggedReason | undefined,
  priv: { party: string; note: string } | undefined,
) {
  return { ...e, ...(reason ? { reason } : {}), ...(priv ? { private: priv } : {}) };
}

function fail(code: ConstructorParameters<typeof EngineError>[0], message: string): never {
  throw new EngineError(code, message);
}

function handle(step: Step, intent: Intent): void {
  const { scenario, state } = step;
  if (state.status !== 'negotiating') fail('game.over', 'the game is over');
  if (intent.type === 'event.inject') {
    if (intent.seat !== DIRECTOR) fail('not.director', 'only the director (a teacher) injects events');
    const ev = scenario.events.find((e) => e.id === intent.event);
    if (!ev) fail('unknown.event', `no event "${intent.event}" in this scenario`);
    if (state.firedEvents.includes(ev.id)) fail('already.fired', `event "${ev.id}" has already happened`);
    fireEvent(step, ev, true);
    return;
  }
  const party = intent.seat;
  if (!scenario.parties.some((p) => p.id === party)) fail('unknown.party', `no party "${party}"`);
  if (!step.participants().includes(party)) {
    fail(
      'not.participant',
      `${party} does not attend the meeting at ${currentMeeting(scenario, state).venue}`,
    );
  }
  if (currentSpeaker(state) !== party)
    fail('not.your.turn', `it is ${currentSpeaker(state)}'s turn, not ${party}'s`);
  const reason = intent.reason
    ? {
        public: intent.reason.public,
        ...(intent.reason.basis ? { basis: intent.reason.basis } : {}),
        ...(intent.reason.said ? { said: intent.reason.said } : {}),
      }
    : undefined;
  const priv = intent.reason?.private
    ? {
        party,
        note: intent.reason.private,
        ...(intent.reason.privateSaid ? { said: intent.reason.privateSaid } : {}),
      }
    : undefined;

  switch (intent.type) {
    case 'text.publish': {
      if (!isAuthor(scenario, state, party)) fail('not.author', 'only the mediator publishes the text');
      const agenda = currentMeeting(scenario, state).agenda;
      const changed: Text = {};
      for (const [issueId, optionId] of Object.entries(intent.text)) {
        const issue = findIssue(scenario, state, issueId);
        if (!issue) fail('unknown.issue', `no issue "${issueId}"`);
        if (!issue.options.some((o) => o.id === optionId))
          fail('unknown.option', `no option "${optionId}" in ${issueId}`);
        const pkg = packageOfIssue(scenario, issueId) ?? '';
        if (state.text[issueId] === optionId) continue;
        if (!agenda.includes(pkg)) fail('off.agenda', `package "${pkg}" is not on this meeting's agenda`);
        changed[issueId] = optionId;
      }
      if (Object.keys(changed).length === 0) fail('no.change', 'the new text changes nothing');
      const folds = (intent.folds ?? []).filter((id) =>
        state.amendments.some((a) => a.id === id && a.status === 'open'),
      );
      publish(step, party, changed, folds, reason, priv);
      return;
    }
    case 'package.accept':
    case 'package.acceptConditional': {
      checkPackageMove(step, intent.package, intent.version);
      const profile = liveProfile(scenario, state, party);
      const share = livePackageShare(scenario, state, party, state.text, intent.package);
      const minimum = profile.mandate[intent.package]?.minimum ?? 0;
      if (share < minimum) {
        fail(
          'mandate',
          `this text gives ${share}% of your best in ${intent.package}; your mandate needs ${minimum}%: consult your ${principalOf(scenario, party)} first`,
        );
      }
      let onlyIf: Record<string, number> | null = null;
      if (intent.type === 'package.acceptConditional') {
        onlyIf = {};
        for (const linked of intent.onlyIf) {
          if (linked === intent.package) continue;
          const v = ownValue(state.packageVersion, linked);
          if (v === undefined) fail('unknown.package', `no package "${linked}"`);
          onlyIf[linked] = v;
        }
        if (Object.keys(onlyIf).length === 0)
          fail('unknown.package', 'a conditional acceptance names another package');
      }
      if (!Object.hasOwn(state.acceptances, intent.package)) state.acceptances[intent.package] = {};
      ownValue(state.acceptances, intent.package)![party] = { version: intent.version, onlyIf };
      delete state.rejections[intent.package]?.[party];
      step.emit(
        worded(
          {
            type: 'package.accepted',
            to: 'all',
            by: party,
            package: intent.package,
            version: intent.version,
            onlyIf,
          },
          reason,
          priv,
        ),
      );
      return;
    }
    case 'package.reject': {
      checkPackageMove(step, intent.package, intent.version);
      delete state.acceptances[intent.package]?.[party];
      if (!Object.hasOwn(state.rejections, intent.package)) state.rejections[intent.package] = {};
      ownValue(state.rejections, intent.package)![party] = intent.version;
      step.emit(
        worded(
          {
            type: 'package.rejected',
            to: 'all',
            by: party,
            package: intent.package,
            version: intent.version,
          },
          reason,
          priv,
        ),
      );
      return;
    }
    case 'amendment.propose': {
      checkPackageMove(step, intent.package, state.textVersion);
      const issues = issuesOf(scenario, intent.package);
      const options: Text = {};
      for (const [issueId, optionId] of Object.entries(intent.options)) {
        if (!issues.includes(issueId))
          fail('unknown.issue', `issue "${issueId}" is not in package ${intent.package}`);
        const issue = findIssue(scenario, state, issueId);
        if (!issue?.options.some((o) => o.id === optionId))
          fail('unknown.option', `no option "${optionId}" in ${issueId}`);
        if (state.text[issueId] !== optionId) options[issueId] = optionId;
      }
      if (Object.keys(options).length === 0)
        fail('no.change', 'the amendment changes nothing in the current text');
      const amendment = state.amendments.length + 1;
      state.amendments.push({
        id: amendment,
        by: party,
        package: intent.package,
        options,
        version: state.textVersion,
        meeting: state.meeting,
        status: 'open',
        seq: state.seq + step.events.length + 1,
      });
      step.emit(
        worded(
          {
            type: 'amendment.proposed',
            to: [...step.participants()],
            by: party,
            amendment,
            package: intent.package,
            options,
            version: state.textVersion,
          },
          reason,
          priv,
        ),
      );
      return;
    }
    case 'signal.send': {
      const issue = findIssue(scenario, state, intent.issue);
      if (!issue) fail('unknown.issue', `no issue "${intent.issue}"`);
      if (intent.option !== undefined && !issue.options.some((o) => o.id === intent.option)) {
        fail('unknown.option', `no option "${intent.option}" in ${intent.issue}`);
      }
      let recipients: Visibility = 'all';
      if (intent.to !== 'all') {
        for (const r of intent.to) {
          if (r === party || !scenario.parties.some((p) => p.id === r))
            fail('unknown.party', `cannot signal to "${r}"`);
        }
        if (intent.kind === 'commitment') fail('malformed', 'a commitment is public: send it to all');
        recipients = [party, ...intent.to];
      }
      if (intent.kind === 'commitment' && intent.option === undefined)
        fail('malformed', 'a commitment names the option you commit to');
      if ((intent.kind === 'red-line' || intent.kind === 'retract') && intent.option === undefined)
        fail('malformed', `a ${intent.kind} signal names its option`);
      const option = intent.option ?? '';
      let retracted: Commitment | null = null;
      if (intent.kind === 'retract') {
        retracted =
          state.commitments.find((c) => c.by === party && c.issue === intent.issue && c.option === option) ??
          null;
        const objected = standingObjection(step, party, intent.issue, option);
        if (!retracted && !objected)
          fail('nothing.to.retract', 'you have no standing concern, red line or commitment on this option');
      }
      const isPublic = recipients === 'all';
      if (isPublic && (intent.kind === 'commitment' || intent.kind === 'red-line')) {
        const kind = intent.kind;
        const standing = state.commitments.some(
          (c) => c.by === party && c.kind === kind && c.issue === intent.issue && c.option === option,
        );
        // A repeated word adds nothing; support from words is capped per party.
        if (!standing) {
          state.commitments.push({ by: party, kind, issue: intent.issue, option });
          if (kind === 'commitment') {
            const rules = credibilityOf(scenario);
            const cap = ownValue(rules.capByParty, party) ?? rules.commitmentCap;
            const earned = ownValue(state.commitmentSupport, party) ?? 0;
            const gain = Math.max(0, Math.min(rules.commitmentSupport, cap - earned));
            if (gain > 0) {
              state.commitmentSupport[party] = earned + gain;
              shiftSupport(step, party, gain);
            }
          }
        }
      }
      step.emit(
        worded(
          {
            type: 'signal.sent',
            to: recipients,
            by: party,
            kind: intent.kind,
            issue: intent.issue,
            option: intent.option ?? null,
            recipients,
            message: intent.message ?? null,
          },
          reason,
          priv,
        ),
      );
      if (retracted) breakWord(step, retracted, 'retracted');
      return;
    }
    case 'proposal.answer': {
      if (!isAuthor(scenario, state, party))
        fail('not.author', 'only the mediator (or, with no mediator, an author) answers proposals');
      const target = step.eventAt(intent.ref);
      const kind = target ? proposalKind(target) : null;
      if (!target || !kind || !('by' in target) || target.by === party)
        fail(
          'not.answerable',
          `event ${intent.ref} is not another party's amendment, conditional acceptance or red line`,
        );
      if (target.to !== 'all' && !target.to.includes(party))
        fail('not.answerable', `you did not witness event ${intent.ref}`);
      const checkText = (t: Record<string, string> | undefined): Text | null => {
        if (!t) return null;
        for (const [issueId, optionId] of Object.entries(t)) {
          const issue = findIssue(scenario, state, issueId);
          if (!issue?.options.some((o) => o.id === optionId))
            fail('unknown.option', `no option "${optionId}" in ${issueId}`);
        }
        return { ...t };
      };
      if (intent.issue !== undefined && !findIssue(scenario, state, intent.issue))
        fail('unknown.issue', `no issue "${intent.issue}"`);
      if (intent.verdict === 'folded' && !meets(target, state.text, state.packageVersion))
        fail('not.answerable', 'the text does not meet this proposal: counter it or decline it');
      const proposer = target.by;
      step.emit(
        worded(
          {
            type: 'proposal.answered',
            to: [...new Set([...step.participants(), proposer])],
            by: party,
            ref: intent.ref,
            refKind: kind,
            proposer,
            verdict: intent.verdict,
            issue: intent.issue ?? null,
            give: checkText(intent.give),
            ask: checkText(intent.ask),
          },
          reason,
          priv,
        ),
      );
      return;
    }
    case 'capital.consult': {
      if (!scenario.packages.some((p) => p.id === intent.package))
        fail('unknown.package', `no package "${intent.package}"`);
      state.pendingConsultations.push({ party, package: intent.package });
      state.away.push(party);
      step.emit(
        worded({ type: 'capital.consulted', to: 'all', by: party, package: intent.package }, reason, priv),
      );
      endTurn(step, party, false);
      return;
    }
    case 'text.sign': {
      if (intent.version !== state.textVersion)
        fail('stale.version', `the text is at v${state.textVersion}, not v${intent.version}`);
      const check = signCheck(scenario, state, party, state.text);
      if (check.redLines.length)
        fail('red.line', `this text crosses your red line: ${check.redLines.join(', ')}`);
      if (check.mandate.length) {
        fail(
          'mandate',
          `this text is below your mandate in ${check.mandate.join(', ')}: consult your ${principalOf(scenario, party)} first`,
        );
      }
      state.signatures[party] = state.textVersion;
      step.emit(
        worded({ type: 'text.signed', to: 'all', by: party, version: state.textVersion }, reason, priv),
      );
      for (const c of state.commitments.filter((c) => c.by === party && breaks(c, state.text)))
        breakWord(step, c, 'signed');
      if (scenario.parties.every((p) => state.signatures[p.id] === state.textVersion)) {
        ratify(step);
        if (state.status !== 'negotiating') return;
      }
      endTurn(step, party, false);
      return;
    }
    case 'table.walkAway': {
      step.emit(worded({ type: 'party.walkedAway', to: 'all', by: party }, reason, priv));
      endGame(step, 'walkout', party);
      return;
    }
    case 'turn.end':
      endTurn(step, party, false, reason, priv);
      return;
    case 'turn.timeout':
      endTurn(step, party, true);
      return;
  }
}

function checkPackageMove(step: Step, pkg: string, version: number): void {
  const { scenario, state } = step;
  if (!scenario.packages.some((p) => p.id === pkg)) fail('unknown.package', `no package "${pkg}"`);
  if (!currentMeeting(scenario, state).agenda.includes(pkg))
    fail('off.agenda', `package "${pkg}" is not on this meeting's agenda`);
  const since = ownValue(state.packageVersion, pkg) ?? 1;
  if (version < since || version > state.textVersion) {
    fail('stale.version', `package ${pkg} changed at v${since}; the text is now v${state.textVersion}`);
  }
}

function publish(
  step: Step,
  by: string,
  changed: Text,
  folds: number[],
  reason: LoggedReason | undefined,
  priv: { party: string; note: string } | undefined,
): void {
  const { scenario, state } = step;
  state.textVersion += 1;
  const version = state.textVersion;
  const changedPackages = [...new Set(Object.keys(changed).map((i) => packageOfIssue(scenario, i) ?? ''))];
  Object.assign(state.text, changed);
  for (const p of changedPackages) state.packageVersion[p] = version;
  step.emit({
    type: 'text.published',
    to: 'all',
    by,
    version,
    changed,
    changedPackages,
    folds,
    ...(reason ? { reason } : {}),
    ...(priv ? { private: priv } : {}),
  });
  for (const [i, a] of state.amendments.entries()) {
    if (!folds.includes(a.id)) continue;
    // Replaced, not changed: earlier states share the amendment objects.
    state.amendments[i] = { ...a, status: 'folded' };
    step.emit({
      type: 'proposal.answered',
      to: [...new Set([...currentMeeting(scenario, state).participants, a.by])],
      by,
      ref: a.seq,
      refKind: 'amendment',
      proposer: a.by,
      verdict: 'folded',
      issue: null,
      give: null,
      ask: null,
    });
  }
  // The reason is read by people: it names packages, never their ids.
  const packageName = (id: string) => scenario.packages.find((p) => p.id === id)?.name ?? 'a package';
  for (const [pkg, byParty] of Object.entries(state.acceptances)) {
    for (const [party, acc] of Object.entries(byParty)) {
      let because: string | null = null;
      let cause: { package: string; version: number; condition: boolean } | null = null;
      if (changedPackages.includes(pkg)) {
        because = `${packageName(pkg)} changed in v${version}`;
        cause = { package: pkg, version, condition: false };
      } else if (acc.onlyIf) {
        const moved = Object.keys(acc.onlyIf).find((linked) => changedPackages.includes(linked));
        if (moved) {
          because = `its condition failed: ${packageName(moved)} changed in v${version}`;
          cause = { package: moved, version, condition: true };
        }
      }
      if (because && cause) {
        delete byParty[party];
        step.emit({ type: 'acceptance.lapsed', to: 'all', by: party, package: pkg, because, cause });
      }
    }
  }
  for (const pkg of changedPackages) delete state.rejections[pkg];
  for (const [party, v] of Object.entries(state.signatures)) {
    delete state.signatures[party];
    step.emit({ type: 'signature.lapsed', to: 'all', by: party, version: v });
  }
}

function openMeeting(step: Step, index: number): void {
  const { scenario, state } = step;
  const meeting = meetingAt(scenario, index);
  if (!meeting) throw new Error(`no meeting ${index}`);
  state.meeting = index;
  state.round = 0;
  state.speaker = 0;
  state.away = [];
  const inOrder: string[] = [];
  for (const p of scenario.parties) if (meeting.participants.includes(p.id)) inOrder.push(p.id);
  let order: string[];
  if (scenario.mediator && inOrder.includes(scenario.mediator)) {
    order = [scenario.mediator, ...inOrder.filter((p) => p !== scenario.mediator)];
  } else {
    const shift = index % Math.max(1, inOrder.length);
    order = [...inOrder.slice(shift), ...inOrder.slice(0, shift)];
  }
  state.order = order;
  step.emit({
    type: 'meeting.opened',
    to: 'all',
    meetingId: meeting.id,
    venue: meeting.venue,
    date: meeting.date,
    participants: [...meeting.participants],
    agenda: [...meeting.agenda],
  });
  // Capitals answer consultations made at the previous meeting.
  const pending = state.pendingConsultations;
  state.pendingConsultations = [];
  for (const c of pending) {
    const profile = scenario.profiles[c.party];
    if (!profile) continue;
    const widened = step.random() * 100 < profile.consultation.chance;
    if (widened) {
      if (!Object.hasOwn(state.mandateShift, c.party)) state.mandateShift[c.party] = {};
      const row = ownValue(state.mandateShift, c.party)!;
      row[c.package] = (ownValue(row, c.package) ?? 0) + profile.consultation.widenBy;
    }
    const minimum = liveProfile(scenario, state, c.party).mandate[c.package]?.minimum ?? 0;
    step.emit({
      type: 'capital.replied',
      to: [c.party],
      party: c.party,
      package: c.package,
      widened,
      minimum,
    });
  }
  for (const ev of scenario.events) {
    if (ev.at === meeting.id && !state.firedEvents.includes(ev.id)) fireEvent(step, ev, false);
  }
  startTurn(step);
}

function fireEvent(step: Step, ev: ScriptedEvent, injected: boolean): void {
  const { state } = step;
  state.firedEvents.push(ev.id);
  for (const effect of ev.effects) {
    switch (effect.type) {
      case 'reservation':
        state.reservationShift[effect.party] =
          (ownValue(state.reservationShift, effect.party) ?? 0) + effect.delta;
        break;
      case 'value': {
        if (!Object.hasOwn(state.valueShift, effect.party)) state.valueShift[effect.party] = {};
        const byIssue = ownValue(state.valueShift, effect.party)!;
        if (!Object.hasOwn(byIssue, effect.issue)) byIssue[effect.issue] = {};
        const row = byIssue[effect.issue]!;
        row[effect.option] = (ownValue(row, effect.option) ?? 0) + effect.delta;
        break;
      }
      case 'trust': {
        const row = ownValue(state.trust, effect.party);
        if (row)
          row[effect.toward] = Math.max(
            0,
            Math.min(100, (ownValue(row, effect.toward) ?? 50) + effect.delta),
          );
        break;
      }
      case 'support': {
        if (!Object.hasOwn(state.supportShift, effect.party)) state.supportShift[effect.party] = {};
        const row = ownValue(state.supportShift, effect.party)!;
        row[effect.check] = (ownValue(row, effect.check) ?? 0) + effect.delta;
        break;
      }
      case 'weight':
        // Nothing to record: a live profile replays the weight effects of `firedEvents` in order (src/engine/live.ts).
        break;
      case 'addOption':
        if (!state.addedOptions.some((a) => a.option.id === effect.option.id && a.issue === effect.issue)) {
          state.addedOptions.push({ issue: effect.issue, option: effect.option, values: effect.values });
        }
        break;
      case 'dropMeeting': {
        const idx = step.scenario.calendar.findIndex((m) => m.id === effect.meeting);
        if (idx > state.meeting && !state.droppedMeetings.includes(effect.meeting))
          state.droppedMeetings.push(effect.meeting);
        break;
      }
    }
  }
  step.emit({ type: 'scripted.event', to: 'all', eventId: ev.id, title: ev.title, text: ev.text, injected });
}

function startTurn(step: Step): void {
  const { state } = step;
  const party = state.order[state.speaker];
  if (party === undefined) return;
  step.emit({ type: 'turn.started', to: 'all', party, round: state.round });
}

function endTurn(
  step: Step,
  party: string,
  timedOut: boolean,
  reason?: LoggedReason,
  priv?: { party: string; note: string },
): void {
  const { scenario, state } = step;
  step.emit({
    type: 'turn.ended',
    to: 'all',
    party,
    timedOut,
    ...(reason ? { reason } : {}),
    ...(priv ? { private: priv } : {}),
  });
  const turns = currentMeeting(scenario, state).turns;
  for (;;) {
    state.speaker += 1;
    if (state.speaker >= state.order.length) {
      state.speaker = 0;
      state.round += 1;
      if (state.round >= turns) {
        closeMeeting(step);
        return;
      }
    }
    const next = state.order[state.speaker];
    if (next !== undefined && !state.away.includes(next)) break;
    if (state.order.every((p) => state.away.includes(p))) {
      closeMeeting(step);
      return;
    }
  }
  startTurn(step);
}

function closeMeeting(step: Step): void {
  const { scenario, state } = step;
  const meeting = currentMeeting(scenario, state);
  step.emit({
    type: 'meeting.closed',
    to: 'all',
    meetingId: meeting.id,
    agreed: provisionallyAgreed(scenario, state),
  });
  const last = isLastMeeting(scenario, state);
  state.meetingsElapsed += 1;
  for (const [i, a] of state.amendments.entries()) {
    if (a.status !== 'open' || a.meeting !== state.meeting) continue;
    state.amendments[i] = { ...a, status: 'lapsed' };
    step.emit({
      type: 'amendment.lapsed',
      to: [...meeting.participants],
      by: a.by,
      amendment: a.id,
      package: a.package,
    });
  }
  if (last) {
    endGame(step, 'no-deal', null);
    return;
  }
  openMeeting(step, nextMeetingIndex(scenario, state, state.meeting));
}

function ratify(step: Step): void {
  const { scenario, state } = step;
  state.ratifications += 1;
  const results: RatificationOutcome[] = scenario.parties.map((p) => {
    const profile = scenario.profiles[p.id];
    const checks = (profile?.ratification ?? []).map((check) => {
      const r = runCheck(check, state.text, ownValue2(state.supportShift, p.id, check.id) ?? 0);
      const result: RatificationOutcome['checks'][number] = { id: r.id, body: r.body, passed: r.passed };
      if (r.applies === false) result.notNeeded = true;
      return result;
    });
    return { party: p.id, checks, passed: checks.every((c) => c.passed) };
  });
  const passed = results.every((r) => r.passed);
  step.emit({ type: 'ratification.held', to: 'all', version: state.textVersion, results, passed });
  if (passed) {
    endGame(step, 'deal', null, results);
    return;
  }
  if (isLastMeeting(scenario, state)) {
    endGame(step, 'no-deal', null, results);
    return;
  }
  for (const [party, v] of Object.entries(state.signatures)) {
    delete state.signatures[party];
    step.emit({ type: 'signature.lapsed', to: 'all', by: party, version: v });
  }
}

function endGame(
  step: Step,
  kind: Outcome['kind'],
  walkedAwayBy: string | null,
  ratification?: RatificationOutcome[],
): void {
  const { scenario, state } = step;
  const results: PartyResult[] = scenario.parties.map((p) => {
    const profile = liveProfile(scenario, state, p.id);
    const reservation = profile.reservation.value;
    const ideal = idealUtility(profile);
    const utility =
      kind === 'deal'
        ? discounted(utilityOf(profile, state.text), scenario.discountPerMeeting, state.meetingsElapsed)
        : reservation;
    const score =
      ideal > reservation ? Math.floor(((utility - reservation) * 100) / (ideal - reservation)) : 0;
    return { party: p.id, utility, reservation, ideal, score, beatReservation: utility > reservation };
  });
  const name = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  const summary =
    kind === 'deal'
      ? `All parties signed text v${state.textVersion} and every ratification passed.`
      : kind === 'walkout'
        ? `${name(walkedAwayBy ?? '')} walked away; every party takes its reservation value.`
        : ratification
          ? 'The signed text failed ratification at the last meeting; no deal.'
          : 'The last meeting closed without a signed text; no deal.';
  const outcome: Outcome = {
    kind,
    text: kind === 'deal' ? { ...state.text } : null,
    version: kind === 'deal' ? state.textVersion : null,
    meetingsElapsed: state.meetingsElapsed,
    walkedAwayBy,
    ratification: ratification ?? null,
    results,
    summary,
  };
  state.status = 'ended';
  state.outcome = outcome;
  step.emit({ type: 'game.ended', to: 'all', outcome });
}
