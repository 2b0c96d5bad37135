// YAML syntax errors as a designer needs them: one error per cause, at the line to fix, in plain words.
// The parser's first error is the real one; what follows it is mostly its echo (one tab gives a dozen errors,
// an over-indented key is blamed on the line above). So each cause is explained, the text is repaired at that
// line (a tab made spaces, a line re-indented to its neighbours, a bracket closed), and the text parsed again:
// what still fails after the repaired line is the next cause. A cause that cannot be repaired ends the list.
import { LineCounter, parseDocument, type YAMLError } from 'yaml';

export interface SyntaxCause {
  offset: number;
  message: string;
}

/** Repairs are tried only on files of this size or less, re-parsing at most this many characters in all. */
const REPAIR_CHARS = 200_000;
const PARSE_BUDGET_CHARS = 2_000_000;
const MAX_CAUSES = 10;
/** Lines with a tab in their indentation reported at most (each is a cause of its own). */
const MAX_TAB_LINES = 50;

interface Parsed {
  errors: YAMLError[];
}

function parseErrors(text: string): Parsed {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, lineCounter: new LineCounter() });
  return { errors: [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]) };
}

/** The causes of `errors` (the parser's errors on `text`), first to last. */
export function syntaxCauses(text: string, errors: readonly YAMLError[]): SyntaxCause[] {
  const out: SyntaxCause[] = [];
  let budget = text.length <= REPAIR_CHARS ? PARSE_BUDGET_CHARS : 0;
  const parse = (t: string): Parsed | undefined => {
    if (budget < t.length) return undefined;
    budget -= t.length;
    return parseErrors(t);
  };
  let current = text;
  let errs = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  while (errs.length > 0 && out.length < MAX_CAUSES) {
    const first = errs[0] as YAMLError;
    if (first.code === 'TAB_AS_INDENT') {
      // Every line indented with a tab is a cause of its own; what the parser says after them is their echo.
      out.push(...tabLines(current).slice(0, MAX_TAB_LINES));
      break;
    }
    const cause = explain(current, first, parse);
    out.push({ offset: cause.offset, message: cause.message });
    if (cause.repaired === undefined) break;
    const after = parse(cause.repaired);
    if (!after) break;
    const lineEnd = endOfLine(cause.repaired, cause.line);
    // The repair must clear everything up to the repaired line; later errors are the next causes.
    if (after.errors.some((e) => e.pos[0] <= lineEnd)) break;
    current = cause.repaired;
    errs = after.errors;
  }
  return out;
}

/** Each line whose indentation holds a tab, from the first one on. */
function tabLines(text: string): SyntaxCause[] {
  const out: SyntaxCause[] = [];
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    const tab = indent.indexOf('\t');
    if (tab >= 0 && indent.length < line.length) {
      out.push({ offset: start + tab, message: 'a tab in the indentation: YAML indents with spaces only' });
    }
    if (end < 0) break;
    start = end + 1;
  }
  return out;
}

interface Explained extends SyntaxCause {
  /** 0-based line of the cause. */
  line: number;
  /** The text with this cause repaired (same lines, so later positions stay true), when a repair is known. */
  repaired?: string;
}

/** Offsets at which each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based index of the line holding `offset`. */
export function lineIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function endOfLine(text: string, line: number): number {
  const starts = lineStarts(text);
  const next = starts[line + 1];
  return next === undefined ? text.length : next - 1;
}

const indentOf = (line: string): number => /^[ \t]*/.exec(line)?.[0].length ?? 0;
const isBlank = (line: string): boolean => /^\s*(#.*)?$/.test(line);

function explain(text: string, error: YAMLError, parse: (t: string) => Parsed | undefined): Explained {
  const starts = lineStarts(text);
  const lines = text.split('\n');
  const at = Math.min(error.pos[0], text.length);
  const line = lineIndex(starts, at);
  const lineText = lines[line] ?? '';
  const replaceLine = (index: number, content: string): string =>
    [...lines.slice(0, index), content, ...lines.slice(index + 1)].join('\n');
  const plain = (message: string, offset = at, l = line): Explained => ({ offset, message, line: l });

  // An unclosed bracket: the parser notices where the block resumes, the cause is where it opened.
  const unclosed =
    /^Flow (map|sequence) in block collection must be sufficiently indented and end with an? ([\]}])/.exec(
      error.message,
    );
  if (unclosed) {
    const closer = unclosed[2] as string;
    const opener = closer === ']' ? '[' : '{';
    const open = unmatchedOpener(text, at, opener, closer);
    const openLine = lineIndex(starts, open);
    let last = line - 1;
    while (last > openLine && isBlank(lines[last] ?? '')) last--;
    if (last < openLine) last = openLine;
    const repaired = replaceLine(last, `${(lines[last] ?? '').replace(/\s+$/, '')} ${closer}`);
    return {
      offset: open,
      line: last,
      message: `this ${opener} is never closed: end it with ${closer}`,
      repaired,
    };
  }

  if (error.code === 'MISSING_CHAR' && /Missing closing (["'])quote/.test(error.message)) {
    return plain(
      `a quote opened here is never closed: end the text with ${error.message.includes('"') ? '"' : "'"}`,
    );
  }

  if (error.code === 'BAD_SCALAR_START') {
    const ch = /character (.)/.exec(error.message)?.[1] ?? '';
    return plain(`a plain value cannot start with ${ch}: put the value in quotes`);
  }

  // A list dash with no space after it.
  if (/^\s*-[^\s-]/.test(lineText) && !/^\s*-\d/.test(lineText) && lineHasError(starts, line, error)) {
    const dash = (starts[line] as number) + lineText.indexOf('-');
    return {
      offset: dash,
      line,
      message: 'a list item needs a space after its -',
      repaired: replaceLine(line, lineText.replace('-', '- ')),
    };
  }

  // Indentation: try re-indenting this line and its neighbours to the columns around them.
  if (
    [
      'BAD_INDENT',
      'MISSING_CHAR',
      'MULTILINE_IMPLICIT_KEY',
      'BLOCK_AS_IMPLICIT_KEY',
      'UNEXPECTED_TOKEN',
    ].includes(error.code)
  ) {
    const baseline = parse(text);
    const candidates = [line, nextContent(lines, line, 1), nextContent(lines, line, -1)].filter(
      (c): c is number => c !== undefined,
    );
    let best: { line: number; indent: number; text: string; errors: number; ref: number } | undefined;
    for (const c of candidates) {
      const raw = lines[c] ?? '';
      const found = bestIndent(lines, c, raw.replace(/^[ \t]*/, ''), indentOf(raw), replaceLine, parse);
      if (found && (!best || found.errors < best.errors)) best = { line: c, ...found };
    }
    if (best && baseline && best.errors < baseline.errors.length) {
      const raw = lines[best.line] ?? '';
      return {
        offset: (starts[best.line] as number) + indentOf(raw),
        line: best.line,
        message: `indentation: this line starts at column ${indentOf(raw) + 1}, but it belongs at column ${best.indent + 1}, like line ${best.ref + 1}`,
        repaired: best.text,
      };
    }
    // A `key: value` whose value holds ": " reads as a map inside a value.
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || /: .*: /.test(lineText)) {
      const colon = /^(\s*(?:- )?[^:#{[]+?:\s+)(.*?:\s.*)$/.exec(lineText);
      if (colon && !/^["'[{]/.test(colon[2] as string)) {
        const value = (colon[2] as string).replace(/\s+#.*$/, '');
        return {
          offset: (starts[line] as number) + (colon[1] as string).length,
          line,
          message: 'this value holds ": ", which YAML reads as a new key: put the value in quotes',
          repaired: replaceLine(line, `${colon[1]}${JSON.stringify(value)}`),
        };
      }
    }
    // A line with no colon where a `key: value` belongs.
    if (
      error.code === 'MULTILINE_IMPLICIT_KEY' &&
      /^\s*[A-Za-z_][\w-]*\s+\S/.test(lineText) &&
      !lineText.includes(':')
    ) {
      const word = /^(\s*[A-Za-z_][\w-]*)\s+/.exec(lineText) as RegExpExecArray;
      return {
        offset: (starts[line] as number) + indentOf(lineText),
        line,
        message: 'this line has no colon: write it as key: value',
        repaired: replaceLine(line, lineText.replace(word[0], `${word[1]}: `)),
      };
    }
  }

  return plain(plainWords(error));
}

function lineHasError(starts: number[], line: number, error: YAMLError): boolean {
  const l = lineIndex(starts, error.pos[0]);
  return l === line || l === line + 1;
}

function nextContent(lines: string[], from: number, step: 1 | -1): number | undefined {
  for (let i = from + step; i >= 0 && i < lines.length; i += step) {
    if (!isBlank(lines[i] ?? '')) return i;
  }
  return undefined;
}

/** The indentation for line `index` (holding `content`) that leaves the fewest errors, among its neighbours'. */
function bestIndent(
  lines: string[],
  index: number,
  content: string,
  current: number,
  replaceLine: (index: number, content: string) => string,
  parse: (t: string) => Parsed | undefined,
): { indent: number; text: string; errors: number; ref: number } | undefined {
  const options = new Map<number, number>(); // indent → the line it comes from
  const before = nextContent(lines, index, -1);
  const after = nextContent(lines, index, 1);
  for (const ref of [before, after]) {
    if (ref === undefined) continue;
    const raw = lines[ref] ?? '';
    const indent = indentOf(raw.replace(/\t/g, ' '));
    if (!options.has(indent)) options.set(indent, ref);
    // Inside a list item: the column after "- ".
    const dash = /^([ ]*)((?:- +)+)/.exec(raw);
    if (dash) {
      const col = (dash[1] as string).length + (dash[2] as string).length;
      if (!options.has(col)) options.set(col, ref);
    }
    // Under a key that opens a block: one level deeper.
    if (ref === before && /:\s*(#.*)?$/.test(raw)) {
      const deeper = (dash ? (dash[1] as string).length + (dash[2] as string).length : indent) + 2;
      if (!options.has(deeper)) options.set(deeper, ref);
    }
  }
  let best: { indent: number; text: string; errors: number; ref: number } | undefined;
  for (const [indent, ref] of options) {
    if (indent === current) continue;
    const text = replaceLine(index, `${' '.repeat(indent)}${content}`);
    const parsed = parse(text);
    if (!parsed) break;
    if (!best || parsed.errors.length < best.errors)
      best = { indent, text, errors: parsed.errors.length, ref };
  }
  return best;
}

/** The offset of the bracket `opener` left open before `offset` (quotes skipped), or `offset` if none. */
function unmatchedOpener(text: string, offset: number, opener: string, closer: string): number {
  const stack: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      while (i < offset && text[i] !== '\n') i++;
      continue;
    }
    if ((c === '"' || c === "'") && /[\s[{,:]/.test(text[i - 1] ?? ' ')) quote = c;
    else if (c === opener) stack.push(i);
    else if (c === closer) stack.pop();
  }
  return stack[stack.length - 1] ?? offset;
}

function plainWords(error: YAMLError): string {
  switch (error.code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `indentation: ${error.message}`;
    default:
      return error.message;
  }
}
