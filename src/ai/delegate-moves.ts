// Moves of a delegation at the table: truthful signals, consulting the capital, accepting and signing, logrolling
// amendments, conditional acceptances and rejections that name the issue, and a pass that says why.
import type { Move, ReasonDriver } from '../engine/intents';
import type { ReasonPhrase } from '../engine/said';
import { principalOf, type Text } from '../scenario/schema';
import { type Ctx, mine, PRIORITIES_TOLD, reason, type TurnMemory, temperament } from './ai-context';
import { spoiler } from './mediator';
import { believedShare, crossesBelievedRedLine } from './opponent-model';
import type { OwnPosition } from './own-position';

export function speakTruth(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view, own, words } = ctx;
  // 1. Our heaviest issues, one per turn, most important first, told truthfully.
  const told = view.log.filter((e) => e.type === 'signal.sent' && mine(view, e) && e.kind === 'priority');
  if (told.length < PRIORITIES_TOLD && !memory.done.includes('priority')) {
    memory.done.push('priority');
    const ranked = Object.entries(own.me.preferences)
      .map(([issue, pref]) => ({ issue, weight: pref.weight }))
      .sort((a, b) => b.weight - a.weight || a.issue.localeCompare(b.issue));
    const already = new Set(told.map((e) => (e.type === 'signal.sent' ? e.issue : '')));
    const next =
      ranked.find((r) => !already.has(r.issue) && own.bestOption(r.issue) !== view.text[r.issue]) ??
      ranked.find((r) => !already.has(r.issue));
    if (next) {
      const option = own.bestOption(next.issue);
      return {
        type: 'signal.send',
        kind: 'priority',
        issue: next.issue,
        ...(option ? { option } : {}),
        to: 'all',
        reason: reason(
          `${words.issue(next.issue)} is among what matters most to us${option ? `: we want ‘${words.option(next.issue, option)}’` : ''}.`,
          `Weight ${next.weight} of 100 on ${words.issue(next.issue)}.`,
          { drivers: ['priority'] },
          [{ k: 'priority', issue: next.issue, ...(option ? { option } : {}) }],
          [{ k: 'n-weight', weight: next.weight, issue: next.issue }],
        ),
      };
    }
  }
  const standing = ctx.standing;
  const blockers = own.blockers(view.text, ctx.forbidden);
  // 2. What makes the current text impossible for us, said once while it stands.
  for (const raw of blockers) {
    // A package short of our mandate: name the option whose fix costs the others least, as we believe them.
    const fix = raw.rule === 'mandate' ? mandateFix(ctx, own.issuePackage.get(raw.issue) ?? '') : null;
    const b = fix ? { ...raw, issue: fix.issue, option: view.text[fix.issue] ?? raw.option } : raw;
    const said = standing.some((s) => s.issue === b.issue && s.option === b.option);
    const key = `block:${b.issue}=${b.option}`;
    if (said || memory.done.includes(key)) continue;
    memory.done.push(key);
    const isRedLine = b.rule === 'red-line';
    return {
      type: 'signal.send',
      kind: isRedLine ? 'red-line' : 'concern',
      issue: b.issue,
      option: b.option,
      to: 'all',
      reason: reason(
        isRedLine
          ? `We can never sign a text with ${words.both(b.issue, b.option)}.`
          : `As the text stands, ${words.both(b.issue, b.option)} ${b.rule === 'mandate' ? `takes ${words.pkg(own.issuePackage.get(b.issue) ?? '')} below what our ${principalOf(view.scenario, view.seat)} lets us accept` : 'would not pass at home'}: we cannot sign it so.`,
        `${b.rule}: ${b.detail}.`,
        { drivers: [b.rule === 'red-line' ? 'red-line' : b.rule] },
        [
          isRedLine
            ? { k: 'never-sign', issue: b.issue, option: b.option }
            : {
                k: 'concern',
                issue: b.issue,
                option: b.option,
                ...(b.rule === 'mandate' ? { pkg: own.issuePackage.get(b.issue) ?? '' } : {}),
              },
        ],
        [{ k: 'n-blocker', rule: b.rule, issue: b.issue, option: b.option }],
      ),
    };
  }
  // 3. A concern that no longer holds, on an option still in the text: take it back in public, saying why.
  const blockingNow = new Set(blockers.map((b) => `${b.issue}=${b.option}`));
  for (const s of standing) {
    if (s.kind !== 'concern') continue;
    if (view.text[s.issue] === s.option) {
      if (blockingNow.has(`${s.issue}=${s.option}`) || !ctx.now.ok) continue;
    } else {
      // Not in the text: would it still stop us if it came back, with the rest of the text as it is now?
      const back = { ...view.text, [s.issue]: s.option };
      if (!ctx.now.ok || !own.valid(back)) continue;
    }
    const widened = view.log.some((e) => e.type === 'capital.replied' && e.party === view.seat && e.widened);
    return {
      type: 'signal.send',
      kind: 'retract',
      issue: s.issue,
      option: s.option,
      to: 'all',
      reason: reason(
        widened
          ? `Our ${principalOf(view.scenario, view.seat)} has widened our mandate: we can now live with ${words.both(s.issue, s.option)}.`
          : view.text[s.issue] === s.option
            ? `With the rest of text v${view.textVersion}, ${words.both(s.issue, s.option)} no longer stops us: we withdraw our concern.`
            : `With the rest of the text as it stands in v${view.textVersion}, ${words.both(s.issue, s.option)} would no longer stop us: we withdraw our concern.`,
        `The concern on ${s.issue}=${s.option} no longer blocks: mandate and ratification pass on v${view.textVersion}.`,
        { drivers: ['word', widened ? 'mandate' : 'link'] },
        [
          {
            k: 'retract',
            issue: s.issue,
            option: s.option,
            v: view.textVersion,
            how: widened ? 'widened' : view.text[s.issue] === s.option ? 'in-text' : 'not-in-text',
          },
        ],
        [{ k: 'n-concern-gone', issue: s.issue, option: s.option, v: view.textVersion }],
      ),
    };
  }
  return null;
}

/** Consult the capital when our own mandate is all that stops a text we would otherwise take. */
export function consultIfOnlyMandate(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view, now, target, words } = ctx;
  if (memory.done.includes('consult')) return null;
  if (now.redLines.length || now.ratificationFails.length || !now.mandateShort.length || now.now < target)
    return null;
  if (view.meetingsLeft === 0) return null;
  const pkg = now.mandateShort[0]!;
  const consulted = view.log.filter(
    (e) => e.type === 'capital.consulted' && mine(view, e) && e.package === pkg,
  ).length;
  if (consulted >= 2) return null;
  memory.done.push('consult');
  return {
    type: 'capital.consult',
    package: pkg,
    reason: reason(
      `Text v${view.textVersion} is close to what we can sign, but ${words.pkg(pkg)} is beyond our mandate: we must consult our ${principalOf(view.scenario, view.seat)}.`,
      `Utility ${now.now} ≥ aspiration ${target}; ${pkg} share below the mandate's minimum.`,
      { drivers: ['mandate'] },
      [{ k: 'consult', v: view.textVersion, pkg }],
      [{ k: 'n-consult', utility: now.now, target, pkg }],
    ),
  };
}

/** Accept the agenda's packages, then sign, when the text is good enough (or, at the last chance, beats no deal). */
export function signIfGood(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view, now, target, own } = ctx;
  const deadline = ctx.finalChance && now.ok && now.now > ctx.walkAway;
  const good = now.ok && now.now >= target;
  if (!good && !deadline) return null;
  if (ctx.standing.some((s) => view.text[s.issue] === s.option)) return null;
  if (!view.canPublish) {
    for (const pkg of view.packages) {
      if (!pkg.onAgenda || pkg.acceptedBy.includes(view.seat) || memory.done.includes(`accept:${pkg.id}`))
        continue;
      memory.done.push(`accept:${pkg.id}`);
      return {
        type: 'package.accept',
        package: pkg.id,
        version: view.textVersion,
        reason: reason(
          `We accept ${pkg.name} as it stands in v${view.textVersion}.`,
          `Whole text worth ${now.now} against our aspiration ${target}; ${pkg.id} at ${own.packageShare(view.text, pkg.id)}% of our best.`,
          { drivers: ['aspiration'] },
          [{ k: 'accept', pkg: pkg.id, v: view.textVersion }],
          [
            {
              k: 'n-accept',
              utility: now.now,
              target,
              pkg: pkg.id,
              share: own.packageShare(view.text, pkg.id),
            },
          ],
        ),
      };
    }
  }
  if (view.signatures[view.seat] === view.textVersion) return null;
  const drivers: ReasonDriver[] = good ? ctx.drivers : ['deadline', 'alternative'];
  return {
    type: 'text.sign',
    version: view.textVersion,
    reason: reason(
      good
        ? `We sign text v${view.textVersion}: it meets what we came for.`
        : `This is the last chance: text v${view.textVersion} is better for us than no agreement, so we sign it.`,
      `Utility ${now.now} (aspiration ${target}, reservation ${own.reservation}).`,
      { drivers },
      [{ k: 'sign', v: view.textVersion, last: !good }],
      [{ k: 'n-sign', utility: now.now, target, reservation: own.reservation }],
    ),
  };
}

/** The issue of a text that costs us most against our best, among the given packages. */
function worstIssues(
  own: OwnPosition,
  text: Text,
  packages?: string[],
  forbidden: (issue: string, option: string) => boolean = () => false,
): Array<{ issue: string; loss: number; option: string }> {
  const out: Array<{ issue: string; loss: number; option: string }> = [];
  for (const i of own.issues) {
    if (packages && !packages.includes(own.issuePackage.get(i.id) ?? '')) continue;
    // The best option we could ask for without one another party can never sign.
    let best: string | undefined;
    let bv = -1;
    for (const o of i.options) {
      if (forbidden(i.id, o.id)) continue;
      const v = own.value(i.id, o.id);
      if (v > bv) {
        bv = v;
        best = o.id;
      }
    }
    const loss = own.weight(i.id) * (bv - own.value(i.id, text[i.id]));
    if (best !== undefined && loss > 0) out.push({ issue: i.id, loss, option: best });
  }
  // Packages short of our mandate come first: they are what stops us signing.
  const short = new Set(
    own.me.mandate.filter((m) => own.packageShare(text, m.package) < m.minimum).map((m) => m.package),
  );
  const rank = (x: { issue: string }) => Number(short.has(own.issuePackage.get(x.issue) ?? ''));
  return out.sort((a, b) => rank(b) - rank(a) || b.loss - a.loss || a.issue.localeCompare(b.issue));
}

/** A delegation that does not write the text: logroll with an amendment, accept on conditions, or reject
 * with the issue named. */
export function delegateMove(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view, own, now, target, words } = ctx;
  const good = now.ok && now.now >= target;
  if (good || (ctx.finalChance && now.ok && now.now > ctx.walkAway)) return null;
  const agenda = view.packages.filter((p) => p.onAgenda).map((p) => p.id);
  const gaps = worstIssues(own, view.text, agenda, ctx.forbidden).filter(
    // Never ask for what would cross our own limits.
    (g) => !own.evaluate({ ...view.text, [g.issue]: g.option }).redLines.length,
  );
  // 1. One logrolling amendment a turn: ask on what we value most, give on what we value least.
  if (!memory.done.includes('amend') && gaps.length) {
    memory.done.push('amend');
    const shortPkg = ctx.now.mandateShort.find((p) => agenda.includes(p));
    const fix = shortPkg ? mandateFix(ctx, shortPkg) : null;
    const ask = fix ? { issue: fix.issue, option: fix.option, loss: fix.gain } : gaps[0]!;
    const pkg = own.issuePackage.get(ask.issue)!;
    const askOption = ask.option;
    const options: Text = { [ask.issue]: askOption };
    const give = bestGive(ctx, pkg, { ...view.text, ...options }, ask.issue);
    if (give) options[give.issue] = give.option;
    const repeated = view.openAmendments.some(
      (a) =>
        a.by === view.seat &&
        a.version === view.textVersion &&
        JSON.stringify(a.options) === JSON.stringify(options),
    );
    if (!repeated) {
      const conceded = give ? { [give.issue]: give.option } : undefined;
      return {
        type: 'amendment.propose',
        package: pkg,
        options,
        reason: reason(
          `We ask for ${words.both(ask.issue, askOption)}${
            !give
              ? ''
              : give.cost > 0
                ? `, and in return we offer ${words.both(give.issue, give.option)}, which we believe matters more to ${words.party(give.forParty)} than to us`
                : `, and with it ${words.both(give.issue, give.option)}, which we believe ${words.party(give.forParty)} wants as well`
          }.`,
          `Text worth ${now.now} against aspiration ${target}; ${ask.issue} costs us ${ask.loss}${give ? `; giving ${give.issue} costs us ${give.cost}` : ''}.`,
          {
            drivers: give ? ['trade', 'priority'] : ['priority'],
            asked: { [ask.issue]: askOption },
            ...(conceded ? { conceded } : {}),
          },
          [
            {
              k: 'ask',
              issue: ask.issue,
              option: askOption,
              ...(give ? { giveIssue: give.issue, giveOption: give.option, party: give.forParty } : {}),
              // An option that costs us nothing is no concession: said as "with it", not "in return".
              ...(give && give.cost <= 0 ? { alsoOurs: true } : {}),
            },
          ],
          [
            {
              k: 'n-amend',
              utility: now.now,
              target,
              issue: ask.issue,
              loss: ask.loss,
              ...(give ? { giveIssue: give.issue, giveCost: give.cost } : {}),
            },
          ],
        ),
      };
    }
  }
  // 2. Reject the package that holds our biggest gap, once per version, naming it.
  const worst = gaps[0] ?? worstIssues(own, view.text, agenda)[0];
  if (worst) {
    const pkg = own.issuePackage.get(worst.issue)!;
    const pv = view.packages.find((p) => p.id === pkg);
    if (pv && !pv.rejectedBy.includes(view.seat) && !memory.done.includes(`reject:${pkg}`)) {
      memory.done.push(`reject:${pkg}`);
      return {
        type: 'package.reject',
        package: pkg,
        version: view.textVersion,
        reason: reason(
          `We cannot accept ${words.pkg(pkg)} with ${words.both(worst.issue, view.text[worst.issue] ?? '')}.`,
          `That option costs us ${worst.loss} of ${own.ideal}; text worth ${now.now} against aspiration ${target}.`,
          { drivers: ['aspiration'], asked: { [worst.issue]: worst.option } },
          [{ k: 'reject', pkg, issue: worst.issue, option: view.text[worst.issue] ?? '' }],
          [{ k: 'n-reject', loss: worst.loss, ideal: own.ideal, utility: now.now, target }],
        ),
      };
    }
  }
  // 3. Accept, on condition, the agenda packages that already work for us, bound to the one we care most about.
  const shares = agenda.map((p) => ({ pkg: p, share: own.packageShare(view.text, p) }));
  const wantShare = Math.min(100, Math.round((target * 100) / Math.max(1, own.discount(own.ideal))));
  const fine = shares.filter((s) => s.share >= wantShare);
  const anchor = [...fine].sort((a, b) => packageWeight(own, b.pkg) - packageWeight(own, a.pkg))[0];
  for (const s of fine) {
    const pv = view.packages.find((p) => p.id === s.pkg);
    if (
      !pv ||
      !anchor ||
      s.pkg === anchor.pkg ||
      pv.acceptedBy.includes(view.seat) ||
      memory.done.includes(`cond:${s.pkg}`)
    )
      continue;
    if (own.me.mandate.find((m) => m.package === s.pkg && s.share < m.minimum)) continue;
    memory.done.push(`cond:${s.pkg}`);
    return {
      type: 'package.acceptConditional',
      package: s.pkg,
      version: view.textVersion,
      onlyIf: [anchor.pkg],
      reason: reason(
        `We accept ${words.pkg(s.pkg)} as in v${view.textVersion}, only if ${words.pkg(anchor.pkg)} stays as it is.`,
        `${s.pkg} gives ${s.share}% of our best, ${anchor.pkg} ${anchor.share}%; together they carry the text.`,
        { drivers: ['link'] },
        [{ k: 'accept-if', pkg: s.pkg, v: view.textVersion, anchor: anchor.pkg }],
        [{ k: 'n-accept-if', pkg: s.pkg, share: s.share, anchor: anchor.pkg, anchorShare: anchor.share }],
      ),
    };
  }
  return null;
}

function packageWeight(own: OwnPosition, pkg: string): number {
  let w = 0;
  for (const i of own.issues) if (own.issuePackage.get(i.id) === pkg) w += own.weight(i.id);
  return w;
}

/** The change in a package short of our mandate that helps us most for the least believed cost to the others,
 * never one another side has declared it can never sign. */
function mandateFix(ctx: Ctx, pkg: string): { issue: string; option: string; gain: number } | null {
  const { own, view, models } = ctx;
  let best: { issue: string; option: string; gain: number; score: number } | null = null;
  for (const issue of own.issues) {
    if (own.issuePackage.get(issue.id) !== pkg) continue;
    const current = view.text[issue.id];
    for (const o of issue.options) {
      if (o.id === current || ctx.forbidden(issue.id, o.id)) continue;
      const gain = own.weight(issue.id) * (own.value(issue.id, o.id) - own.value(issue.id, current));
      if (gain <= 0) continue;
      const t = { ...view.text, [issue.id]: o.id };
      if (own.evaluate(t).redLines.length) continue;
      let cost = 0;
      for (const m of Object.values(models))
        cost += Math.max(0, believedShare(m, view.text) - believedShare(m, t)) * 10000;
      const score = gain - cost;
      if (!best || score > best.score) best = { issue: issue.id, option: o.id, gain, score };
    }
  }
  return best ? { issue: best.issue, option: best.option, gain: best.gain } : null;
}

/** The cheapest option we can offer in a package, to the party we believe values it most. */
function bestGive(
  ctx: Ctx,
  pkg: string,
  text: Text,
  skip: string,
): { issue: string; option: string; cost: number; forParty: string } | null {
  const { own, models } = ctx;
  let best: { issue: string; option: string; cost: number; forParty: string; score: number } | null = null;
  for (const issue of own.issues) {
    if (issue.id === skip || own.issuePackage.get(issue.id) !== pkg) continue;
    const current = text[issue.id];
    for (const o of issue.options) {
      if (o.id === current) continue;
      const candidate = { ...text, [issue.id]: o.id };
      const cost = own.weight(issue.id) * (own.value(issue.id, current) - own.value(issue.id, o.id));
      if (!own.valid(candidate) && own.valid(text)) continue;
      if (own.evaluate(candidate).redLines.length) continue;
      for (const m of Object.values(models)) {
        const gain = believedShare(m, candidate) - believedShare(m, text);
        if (gain <= 0.005 || crossesBelievedRedLine(m, candidate, false)) continue;
        const score = gain * 10000 - Math.max(0, cost);
        if (score > 0 && (!best || score > best.score))
          best = { issue: issue.id, option: o.id, cost, forParty: m.party, score };
      }
    }
  }
  return best ? { issue: best.issue, option: best.option, cost: best.cost, forParty: best.forParty } : null;
}

export function endTurn(ctx: Ctx): Move {
  const { view, own, now, target, words } = ctx;
  const signed = view.signatures[view.seat] === view.textVersion;
  let pub: string;
  const said: ReasonPhrase[] = [];
  const drivers: ReasonDriver[] = [...ctx.drivers];
  if (signed) {
    const waitingFor = view.scenario.parties.filter((p) => view.signatures[p.id] !== view.textVersion);
    const waiting = waitingFor.map((p) => p.name);
    pub = waiting.length
      ? `We have signed text v${view.textVersion} and wait for ${words.list(waiting)}.`
      : 'We have signed.';
    said.push(
      waiting.length
        ? { k: 'signed-wait', v: view.textVersion, waiting: waitingFor.map((p) => p.id) }
        : { k: 'signed' },
    );
    const sp = view.canPublish ? spoiler(ctx) : null;
    if (sp) {
      pub += ` ${words.party(sp)} has rejected version after version without saying what it needs; the table cannot negotiate against itself.`;
      said.push({ k: 'spoiler', party: sp });
      drivers.push('spoiler');
    }
  } else if (!now.ok) {
    const b = own.blockers(view.text)[0];
    pub = b
      ? `We cannot sign text v${view.textVersion} while it holds ${words.both(b.issue, b.option)}.`
      : `We cannot sign text v${view.textVersion} as it stands.`;
    said.push({ k: 'cannot-sign', v: view.textVersion, ...(b ? { issue: b.issue, option: b.option } : {}) });
    drivers.push(b?.rule === 'red-line' ? 'red-line' : b?.rule === 'mandate' ? 'mandate' : 'ratification');
  } else if (now.now < target) {
    const worst = worstIssues(own, view.text)[0];
    pub = `Text v${view.textVersion} is not enough for us yet${worst ? `: ${words.both(worst.issue, view.text[worst.issue] ?? '')} costs us most` : ''}.`;
    said.push({
      k: 'not-enough',
      v: view.textVersion,
      ...(worst ? { issue: worst.issue, option: view.text[worst.issue] ?? '' } : {}),
    });
  } else if (ctx.standing.some((s) => view.text[s.issue] === s.option)) {
    pub = 'We wait: our stated concerns still stand.';
    said.push({ k: 'wait-concerns' });
    drivers.push('word');
  } else {
    pub = 'We wait for the others.';
    said.push({ k: 'wait-others' });
  }
  if (view.canPublish && !signed) {
    const sp = spoiler(ctx);
    if (sp) {
      pub += ` ${words.party(sp)} has rejected version after version without saying what it needs; the table cannot negotiate against itself.`;
      said.push({ k: 'spoiler', party: sp });
      drivers.push('spoiler');
    }
  }
  return {
    type: 'turn.end',
    reason: reason(
      pub,
      `Utility now ${now.now} (raw ${now.raw}); aspiration ${target}; reservation ${own.reservation}; ${temperament(own.me.personality.toughness)}, ${ctx.cfg.difficulty}.`,
      { drivers },
      said,
      [
        {
          k: 'n-turn',
          utility: now.now,
          raw: now.raw,
          target,
          reservation: own.reservation,
          temperament: temperament(own.me.personality.toughness),
          difficulty: ctx.cfg.difficulty,
        },
      ],
    ),
  };
}
