// Edits to a scenario file's text that keep everything else as written: each value is found through the yaml
// package's Document API and replaced at its own range in the source, so comments, folded paragraphs, quotes and
// flow or block style stay as the designer left them (the scenario lab's controls edit through these).
import { isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { Condition } from './schema';

export type EditPath = Array<string | number>;

export interface EditOptions {
  /** The file is JSON: strings are written with double quotes, so it stays strict JSON. */
  json?: boolean;
}

/** One replacement in the source text. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

function apply(text: string, splice: Splice): string {
  return text.slice(0, splice.start) + splice.text + text.slice(splice.end);
}

/** The node at `path` in the text's document, or undefined when the path leads nowhere. */
function nodeAt(text: string, path: EditPath): Node | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const node = doc.getIn(path, true);
  return node && typeof node === 'object' && 'range' in node ? (node as Node) : undefined;
}

/** How a scalar is written back: numbers as they are, ids plain when YAML reads them back as the same string. */
function scalarText(value: number | string, json: boolean): string {
  if (typeof value === 'number') return String(value);
  if (json) return JSON.stringify(value);
  return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/**
 * The text with the scalar at `path` set to `value`. When the path has no scalar yet (a key left out), the key is
 * set through the Document API and the document written out again (the one case where layout may move).
 */
export function setScalar(
  text: string,
  path: EditPath,
  value: number | string,
  options: EditOptions = {},
): string {
  const node = nodeAt(text, path);
  if (node && isScalar(node) && node.range) {
    const [start, end] = node.range;
    return apply(text, { start, end, text: scalarText(value, options.json === true) });
  }
  const doc = parseDocument(text);
  doc.setIn(path, value);
  return options.json ? `${JSON.stringify(doc.toJS(), null, 2)}\n` : doc.toString({ lineWidth: 0 });
}

/** The text with the list at `path` replaced by a flow list of `items` (`[a, b]`), keeping the rest as written. */
export function setList(text: string, path: EditPath, items: string[], options: EditOptions = {}): string {
  const node = nodeAt(text, path);
  const flow = `[${items.map((item) => scalarText(item, options.json === true)).join(', ')}]`;
  if (node && isSeq(node) && node.range) {
    const [start, end] = node.range;
    // A block list ends at its last item's line break; the flow list takes its place on the same line.
    const body = text.slice(start, end);
    const trailing = body.length - body.trimEnd().length;
    return apply(text, { start, end: end - trailing, text: flow });
  }
  const doc = parseDocument(text);
  doc.setIn(path, doc.createNode(items, { flow: true }));
  return options.json ? `${JSON.stringify(doc.toJS(), null, 2)}\n` : doc.toString({ lineWidth: 0 });
}

/**
 * Weights after one of them is set: `at` takes `value` (0 to `total`), and the others share what is left of
 * `total` in proportion to what they had (floor, then one point each to the largest remainders, ties to the
 * first), so the weights still add up to `total`. When the others had nothing, they share it evenly.
 */
export function rebalance(weights: readonly number[], at: number, value: number, total = 100): number[] {
  const v = Math.max(0, Math.min(total, Math.round(value)));
  const others = weights.map((_, i) => i).filter((i) => i !== at);
  const rest = total - v;
  const out = weights.slice();
  out[at] = v;
  if (others.length === 0) return out;
  let base = others.map((i) => weights[i] ?? 0);
  let sum = base.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    base = others.map(() => 1);
    sum = others.length;
  }
  const floors = base.map((w) => Math.floor((w * rest) / sum));
  const remainders = base.map((w) => (w * rest) % sum);
  let left = rest - floors.reduce((a, b) => a + b, 0);
  const order = base.map((_, j) => j).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (let k = 0; left > 0; k++, left--) floors[order[k % order.length]!]! += 1;
  others.forEach((i, j) => {
    out[i] = floors[j]!;
  });
  return out;
}

/** One `{ issue, in }` test inside a red line's condition, with where it sits in the file. */
export interface ConditionLeaf {
  /** Path of the leaf's `in` list, from the document's root. */
  path: EditPath;
  issue: string;
  in: string[];
  /** Whether the leaf sits under a `not` (its options are then the ones the red line allows). */
  negated: boolean;
}

/** Every `{ issue, in }` test of a condition, depth first, with the path of its `in` list. */
export function conditionLeaves(condition: Condition, base: EditPath, negated = false): ConditionLeaf[] {
  if ('issue' in condition)
    return [{ path: [...base, 'in'], issue: condition.issue, in: condition.in, negated }];
  if ('all' in condition)
    return condition.all.flatMap((c, i) => conditionLeaves(c, [...base, 'all', i], negated));
  if ('any' in condition)
    return condition.any.flatMap((c, i) => conditionLeaves(c, [...base, 'any', i], negated));
  return conditionLeaves(condition.not, [...base, 'not'], !negated);
}
