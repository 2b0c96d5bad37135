// Warnings for mistakes a valid file can still hold: legal numbers and references that no designer means.
import type { Finding } from './reference-checks';
import { credibilityOf, type Scenario } from './schema';

const quote = (s: string): string => JSON.stringify(s);

/** Each warning names the place in the file it is about. */
export function designWarnings(scenario: Scenario): Finding[] {
  const out: Finding[] = [];
  const mediator = scenario.mediator;
  if (mediator !== null) {
    scenario.calendar.forEach((meeting, m) => {
      if (meeting.participants.includes(mediator)) return;
      out.push({
        path: ['calendar', m, 'participants'],
        message: `the mediator ${quote(mediator)} does not take part in meeting ${quote(meeting.id)}: only the mediator publishes the text, so it cannot change there`,
      });
    });
  }

  const credibility = credibilityOf(scenario);
  for (const party of scenario.parties) {
    if (!Object.hasOwn(scenario.profiles, party.id)) continue;
    const profile = scenario.profiles[party.id];
    if (!profile) continue;
    const reservation = profile.reservation.value;
    if (reservation > 0 && reservation < 100) {
      out.push({
        path: ['profiles', party.id, 'reservation', 'value'],
        message: `reservation value ${reservation} is under 1% of the 0–10,000 scale (weight × value summed over issues): if you meant ${reservation}%, write ${reservation * 100}`,
      });
    }

    const cap = Object.hasOwn(credibility.capByParty, party.id)
      ? (credibility.capByParty[party.id] as number)
      : credibility.commitmentCap;
    const commitments = credibility.commitmentSupport > 0 ? cap : 0;
    profile.ratification.forEach((check, c) => {
      if (check.kind !== 'support') return;
      let effects = 0;
      for (const e of check.effects) effects += Math.max(0, e.delta);
      let events = 0;
      for (const event of scenario.events) {
        for (const e of event.effects) {
          if (e.type === 'support' && e.party === party.id && e.check === check.id)
            events += Math.max(0, e.delta);
        }
      }
      const most = check.base + effects + events + commitments;
      if (most >= check.threshold) return;
      out.push({
        path: ['profiles', party.id, 'ratification', c, 'threshold'],
        message:
          `support can never reach the threshold ${check.threshold}: the base ${check.base} plus every positive effect (+${effects}), ` +
          `event (+${events}) and public commitment (+${commitments}) comes to at most ${most}, so ` +
          `${check.appliesWhen ? 'no text that meets its appliesWhen' : 'no text'} can be ratified`,
      });
    });
  }
  return out;
}
