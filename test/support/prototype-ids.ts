// The harbour fixture with every id renamed to a name Object.prototype also has (constructor, toString, …).
import { harbourText, replaceOnce } from './scenario-text';

/** Harbour ids → names Object.prototype also has; the same name serves several kinds at once. */
const RENAME: Record<string, string> = {
  north: 'constructor',
  south: 'toString',
  fishing: 'valueOf',
  pier: 'hasOwnProperty',
  trade: 'isPrototypeOf',
  quota: 'propertyIsEnumerable',
  season: 'toLocaleString',
  owner: 'constructor',
  rebuild: 'toString',
  toll: 'valueOf',
  q70: 'hasOwnProperty',
  q50: 'isPrototypeOf',
  q30: 'constructor',
  long: 'toString',
  short: 'valueOf',
  'north-owns': 'toString',
  shared: 'valueOf',
  'south-owns': 'constructor',
  'rebuild-yes': 'constructor',
  'rebuild-no': 'toString',
  'toll-none': 'valueOf',
  'toll-low': 'toString',
  'toll-high': 'constructor',
  m1: 'constructor',
  m2: 'toString',
  m3: 'valueOf',
  m4: 'hasOwnProperty',
  'town-records': 'constructor',
  storm: 'constructor',
  'fuel-prices': 'toString',
  'no-small-quota': 'constructor',
  'must-rebuild-or-share': 'toString',
  'council-vote': 'constructor',
  province: 'valueOf',
  mid: 'hasOwnProperty',
};

/** The harbour fixture with an option an event adds (so event-added values are looked up too). */
export function withAddedOption(): string {
  return replaceOnce(
    harbourText(),
    '      - { type: value, party: north, issue: rebuild, option: rebuild-yes, delta: 30 }\n',
    '      - { type: value, party: north, issue: rebuild, option: rebuild-yes, delta: 30 }\n' +
      '      - type: addOption\n        issue: season\n' +
      '        option: { id: mid, label: Mid season, description: Seven months., status: Storm compromise, sources: [town-records] }\n' +
      '        values: { north: 80, south: 70 }\n',
  );
}

const ID = /(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w-])/g;

export function renamed(text: string): string {
  // Only ids: inside `sources: [...]`, keys and values; prose capitalises its words, ids never are.
  return text.replace(ID, (word) => RENAME[word] ?? word);
}
