// A scenario's sources as people read them: looked up by id, dates in words. Small on purpose: the first screens
// use it, so it must not pull the analysis in.
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
export function sourcesInWords(all: readonly Source[], ids: readonly string[]): SourceInWords[] {
  const out: SourceInWords[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const s = all.find((x) => x.id === id);
    if (!s) continue;
    const row: SourceInWords = { publisher: s.publisher, title: s.title, date: formatDate(s.date, true) };
    if (s.url) row.url = s.url;
    if (s.kind) row.kind = s.kind;
    if (s.note) row.note = s.note;
    out.push(row);
  }
  return out;
}
