// Limits that keep the loader fast and bounded on any input, checked before and right after YAML parsing:
// the file's size, how deep it nests, how many aliases it holds and how far they expand, how many entries a map
// or list holds, and keys written twice. Every check is a loop (no recursion), so no input can exhaust the stack.
import { type Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

export const LIMITS = {
  /** Characters in a file; the largest real scenario holds about 100,000. */
  chars: 500_000,
  /** Line breaks, commas and opening brackets, counted before parsing: about one per value. The largest real
   * scenario holds about 5,000; the YAML parser takes tens of microseconds for each. */
  tokens: 20_000,
  /** Levels of nesting (maps and lists); a scenario needs about 12. */
  depth: 50,
  /** Alias nodes (`*name`) in a file. */
  aliases: 100,
  /** Entries in one map or list. */
  entries: 2_000,
  /** Values in the whole file once aliases are expanded (the largest real scenario holds about 7,000). */
  nodes: 100_000,
} as const;

export interface GuardError {
  offset: number;
  message: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Checks the raw text before the YAML parser sees it (the parser slows down sharply on very deep nesting). */
export function preScan(text: string): GuardError | undefined {
  if (text.length > LIMITS.chars) {
    return {
      offset: 0,
      message: `the file holds ${count(text.length)} characters; a scenario may hold at most ${count(LIMITS.chars)}`,
    };
  }
  let tokens = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x2c || c === 0x5b || c === 0x7b) {
      if (++tokens > LIMITS.tokens) {
        return {
          offset: i,
          message: `the file holds more than ${count(LIMITS.tokens)} lines, commas and brackets (the largest scenario holds about 5,000): it is too big to be a scenario`,
        };
      }
    }
  }
  return nestingEstimate(text);
}

/**
 * A linear scan that estimates nesting from indentation, `- ` markers and flow brackets, skipping comments,
 * quoted strings and block scalars. It errs low on odd layouts, so a crude count of open brackets (which
 * ignores quotes) backs it with a far higher bound; the exact depth is checked on the parsed document.
 */
function nestingEstimate(text: string): GuardError | undefined {
  const tooDeep = (offset: number, limit: number): GuardError => ({
    offset,
    message: `nested more than ${limit} levels deep (a scenario needs about 12): look for unclosed brackets or runaway indentation`,
  });
  // Character codes (the scan reads each character once; comparing codes keeps it fast on a cold start).
  const SPACE = 0x20;
  const TAB = 0x09;
  const LF = 0x0a;
  const CR = 0x0d;
  const HASH = 0x23;
  const n = text.length;
  const code = (k: number): number => text.charCodeAt(k);
  /** A blank (space, tab or line break) at `k`, or the end of the text. */
  const blankAt = (k: number): boolean => {
    if (k >= n) return true;
    const c = text.charCodeAt(k);
    return c === SPACE || c === TAB || c === LF;
  };
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  let blockScalarIndent = -1;
  while (i < n) {
    // At the start of a line.
    let indent = 0;
    while (i < n && (code(i) === SPACE || code(i) === TAB)) {
      indent++;
      i++;
    }
    if (i >= n) break;
    const first = code(i);
    if (first === LF || first === CR) {
      i++;
      continue;
    }
    if (blockScalarIndent >= 0) {
      if (indent > blockScalarIndent) {
        const end = text.indexOf('\n', i);
        i = (end < 0 ? n : end) + 1;
        continue;
      }
      blockScalarIndent = -1;
    }
    if (first === HASH) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (flow === 0) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) > indent) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] as number) < indent) indents.push(indent);
    }
    let dashes = 0;
    let nodeStart = true;
    let lastToken = 0;
    while (i < n) {
      const c = code(i);
      if (c === LF) break;
      if (c === SPACE || c === TAB || c === CR) {
        i++;
        continue;
      }
      if (c === HASH && i > 0 && (code(i - 1) === SPACE || code(i - 1) === TAB)) {
        const end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
        break;
      }
      if (nodeStart && (c === 0x22 || c === 0x27)) {
        i = skipQuoted(text, i);
        nodeStart = false;
        lastToken = c;
        continue;
      }
      const opens = c === 0x5b || c === 0x7b; // [ {
      if ((c === 0x2d || c === 0x3f) && nodeStart && flow === 0 && blankAt(i + 1)) {
        dashes++; // - ?
      } else if (opens && (nodeStart || flow > 0)) {
        flow++;
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) {
        flow--; // ] }
      }
      if (indents.length + dashes + flow > LIMITS.depth) return tooDeep(i, LIMITS.depth);
      nodeStart = opens || c === 0x2c || ((c === 0x3a || c === 0x2d || c === 0x3f) && blankAt(i + 1)); // , : - ?
      lastToken = c;
      i++;
    }
    // `key: |` or `key: >-`: the lines indented deeper are text.
    if ((lastToken === 0x7c || lastToken === 0x3e) && flow === 0) {
      blockScalarIndent = indent;
    }
    i++;
  }
  let crude = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++crude > 20 * LIMITS.depth) return tooDeep(i, LIMITS.depth);
    } else if ((c === 0x5d || c === 0x7d) && crude > 0) crude--;
  }

  return undefined;
}

/** The offset just past a quoted string starting at `start` (or the end of the text if it never closes). */
function skipQuoted(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  const double = quote === 0x22;
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (double && c === 0x5c) {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (!double && text.charCodeAt(i + 1) === 0x27) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return i;
}

function start(node: unknown): number {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) return range[0];
  }
  return 0;
}

const shown = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Walks the parsed document once, without recursion: depth, entries per map or list, keys written twice,
 * forbidden keys, aliases (how many, cycles, how far they expand). Returns every problem found, or stops at
 * the first limit crossed (past a limit the rest is noise).
 */
export function structureErrors(doc: Document, lineOf: (offset: number) => number): GuardError[] {
  const out: GuardError[] = [];
  const root = doc.contents;
  if (!root) return out;
  const anchors = new Map<string, Node>();
  const size = new Map<Node, number>();
  let aliases = 0;
  // Frames: a node to enter, or (exit) the node whose size to total once its children are done.
  type Frame = { node: Node; depth: number; exit: boolean };
  let biggest = { offset: 0, size: 0 };
  const stack: Frame[] = [{ node: root as Node, depth: 1, exit: false }];
  const onPath = new Set<Node>();
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { node, depth } = frame;
    if (frame.exit) {
      onPath.delete(node);
      let total = 1;
      for (const child of childrenOf(node)) total += size.get(child) ?? 1;
      size.set(node, total);
      continue;
    }
    if (isAlias(node)) {
      aliases++;
      if (aliases > LIMITS.aliases) {
        out.push({
          offset: start(node),
          message: `more than ${LIMITS.aliases} aliases (*name): a scenario needs few or none`,
        });
        return out;
      }
      const target = anchors.get(node.source);
      if (target === undefined) {
        out.push({
          offset: start(node),
          message: `alias *${node.source} refers to no anchor &${node.source} before it`,
        });
        size.set(node, 1);
      } else if (onPath.has(target)) {
        out.push({
          offset: start(node),
          message: `alias *${node.source} refers to the value that contains it, so it never ends`,
        });
        size.set(node, 1);
      } else {
        const expands = size.get(target) ?? 1;
        size.set(node, expands);
        if (expands > biggest.size) biggest = { offset: start(node), size: expands };
      }
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    if (depth > LIMITS.depth) {
      out.push({
        offset: start(node),
        message: `nested more than ${LIMITS.depth} levels deep (a scenario needs about 12)`,
      });
      return out;
    }
    if (!isCollection(node)) {
      size.set(node, 1);
      continue;
    }
    if (node.items.length > LIMITS.entries) {
      out.push({
        offset: start(node),
        message: `this ${isMap(node) ? 'map' : 'list'} holds ${count(node.items.length)} entries; at most ${count(LIMITS.entries)} are allowed`,
      });
      return out;
    }
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (key === '__proto__') {
          out.push({ offset: start(pair.key), message: 'the key "__proto__" is not allowed' });
          continue;
        }
        const first = seen.get(key);
        if (first !== undefined) {
          out.push({
            offset: start(pair.key),
            message: `key ${shown(key)} written twice in this map (first on line ${lineOf(first)})`,
          });
        } else seen.set(key, start(pair.key));
      }
    }
    onPath.add(node);
    stack.push({ node, depth, exit: true });
    const children = childrenOf(node);
    for (let k = children.length - 1; k >= 0; k--) {
      stack.push({ node: children[k] as Node, depth: depth + 1, exit: false });
    }
  }
  const total = size.get(root as Node) ?? 0;
  if (total > LIMITS.nodes) {
    out.push({
      offset: biggest.offset,
      message:
        biggest.size > 0
          ? `the file holds ${count(total)} values once its aliases are expanded; at most ${count(LIMITS.nodes)} are allowed (an alias bomb?): this alias alone stands for ${count(biggest.size)}`
          : `the file holds ${count(total)} values; at most ${count(LIMITS.nodes)} are allowed`,
    });
  }
  return out;
}

/** A collection's children in document order: keys and values of a map, items of a list. */
function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (pair.key && typeof pair.key === 'object') out.push(pair.key as Node);
      if (pair.value && typeof pair.value === 'object') out.push(pair.value as Node);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const value = isPair(item) ? item.value : item;
      if (value && typeof value === 'object') out.push(value as Node);
    }
  }
  return out;
}
