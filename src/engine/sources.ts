// A scenario's sources and statuses as people read them: sources looked up by id with dates in words, an option's
// short status badge, a source's kind, who sits at the table. Small and pure on purpose: the first screens use it,
// so it must not pull the analysis in.
import type { Source } from '../scenario/schema';
import { formatDate } from './transcript';

/** A source as a page shows it: its date already in words. */
export interface SourceInWords {
  publisher: string;
  title: string;
  date: string;
  url?: string;
  kind?: Source['kind'];
  note?: string;
}

/** Sources with these ids, once each, in the order given, their dates in words; an unknown id is left out
 * (the scenario check reports it to the designer). */
export function sourcesInWords(
  all: readonly Source[],
  ids: readonly string[],
  /** How a date reads (an interface in another language writes its own). */
  day: (iso: string) => string = (iso) => formatDate(iso, true),
): SourceInWords[] {
  const out: SourceInWords[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const s = all.find((x) => x.id === id);
    if (!s) continue;
    const row: SourceInWords = { publisher: s.publisher, title: s.title, date: day(s.date) };
    if (s.url) row.url = s.url;
    if (s.kind) row.kind = s.kind;
    if (s.note) row.note = s.note;
    out.push(row);
  }
  return out;
}

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
