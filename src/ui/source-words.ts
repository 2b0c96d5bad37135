// Statuses and sources in words for students: a short status badge, a source's kind, who sits at the table.
// Pure (no DOM), so the rules are unit-tested; sources-panel.ts lays them out.
import type { Source } from '../scenario/schema';

/** The longest badge, in characters; a longer first clause is cut at a word and ends with "…". */
export const BADGE_MAX = 48;

/** A status's first clause (up to the first ";" or sentence end outside brackets), cut to fit a badge. The full
 * status stays one click away, so the badge only has to say which draft or whose position it is. */
export function shortStatus(status: string): string {
  const text = status.trim();
  let depth = 0;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (
      depth === 0 &&
      (c === ';' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? ' ')))
    ) {
      end = i;
      break;
    }
  }
  const clause = text.slice(0, end).replace(/[\s,:]+$/, '');
  if (clause.length <= BADGE_MAX) return clause;
  const cut = clause.slice(0, BADGE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > BADGE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;(]+$/, '')}…`;
}

/** True when the badge leaves something out that the full status says. */
export function statusIsShortened(status: string): boolean {
  return shortStatus(status) !== status.trim().replace(/[.\s]+$/, '');
}

const KINDS: Record<NonNullable<Source['kind']>, string> = {
  official: 'Official text or statement',
  international: 'International organisation',
  wire: 'News agency',
  press: 'Newspaper or broadcaster',
  'state-media': 'State-controlled media',
  research: 'Research',
};

/** What kind of source it is, in words a student reads ("News agency", "State-controlled media"). */
export function kindLabel(kind: Source['kind']): string | null {
  return kind ? KINDS[kind] : null;
}

/** Who sits at the table for each participant of a meeting: the roles the scenario records for that meeting,
 * or the party's delegation when it records none. */
export function attendanceOf(
  meeting: { participants: readonly string[]; attendance?: Record<string, string[]> | undefined },
  parties: ReadonlyArray<{ id: string; delegation: ReadonlyArray<{ role: string }> }>,
): Array<{ party: string; roles: string[]; recorded: boolean }> {
  return meeting.participants.map((party) => {
    const recorded = meeting.attendance?.[party];
    if (recorded?.length) return { party, roles: [...recorded], recorded: true };
    const p = parties.find((x) => x.id === party);
    return { party, roles: p ? p.delegation.map((d) => d.role) : [], recorded: false };
  });
}
