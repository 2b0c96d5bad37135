// An editor running yaml-language-server checks a scenario file against the JSON Schema through the file's first
// line, and every scenario file the project ships carries that line.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaLine } from '../../src/cli/init';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SCHEMA = join(ROOT, 'assets', 'scenarios', 'scenario.schema.json');
const work = mkdtempSync(join(tmpdir(), 'shuttle-editor-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Diagnostic {
  message: string;
  range: { start: { line: number; character: number } };
}

/** A minimal LSP client over stdio: sends requests and notifications, collects published diagnostics. */
function languageServer(): {
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): void;
  diagnostics(uri: string, until: (d: Diagnostic[]) => boolean, ms: number): Promise<Diagnostic[]>;
  stop(): void;
} {
  const bin = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const child: ChildProcess = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  let next = 1;
  const pending = new Map<number, (v: unknown) => void>();
  const published = new Map<string, Diagnostic[]>();
  const waiters: Array<() => void> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const head = buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, head).toString())?.[1] ?? 0);
      if (buffer.length < head + 4 + length) return;
      const message = JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString());
      buffer = buffer.subarray(head + 4 + length);
      if (message.id !== undefined && message.method === undefined) pending.get(message.id)?.(message.result);
      else if (message.id !== undefined) send({ jsonrpc: '2.0', id: message.id, result: null });
      else if (message.method === 'textDocument/publishDiagnostics') {
        published.set(message.params.uri, message.params.diagnostics);
        for (const w of waiters.splice(0)) w();
      }
    }
  });
  const send = (message: unknown) => {
    const body = JSON.stringify(message);
    child.stdin?.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  return {
    request(method, params) {
      const id = next++;
      send({ jsonrpc: '2.0', id, method, params });
      return new Promise((r) => pending.set(id, r));
    },
    notify(method, params) {
      send({ jsonrpc: '2.0', method, params });
    },
    async diagnostics(uri, until, ms) {
      const end = Date.now() + ms;
      for (;;) {
        const d = published.get(uri);
        if (d && until(d)) return d;
        const left = end - Date.now();
        if (left <= 0) return d ?? [];
        await new Promise<void>((r) => {
          const t = setTimeout(r, left);
          waiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
    },
    stop() {
      child.kill();
    },
  };
}

describe('editor support', () => {
  it('yaml-language-server reports an unknown key through the schema line', async () => {
    copyFileSync(SCHEMA, join(work, 'scenario.schema.json'));
    const file = join(work, 'with-a-typo.yaml');
    const text = [
      schemaLine(file, join(work, 'scenario.schema.json')),
      'format: 1',
      'meta:',
      '  id: typo',
      '  title: A typo',
      '  colour: red',
      '',
    ].join('\n');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const ls = languageServer();
    try {
      await ls.request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(work).href,
        capabilities: { textDocument: { publishDiagnostics: {} } },
      });
      ls.notify('initialized', {});
      ls.notify('workspace/didChangeConfiguration', {
        settings: { yaml: { validate: true, schemaStore: { enable: false } } },
      });
      ls.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const found = await ls.diagnostics(uri, (d) => d.some((x) => /colour/.test(x.message)), 30_000);
      const typo = found.find((x) => /colour/.test(x.message));
      expect(typo?.message).toMatch(/Property colour is not allowed/);
      expect(typo?.range.start.line).toBe(5);
    } finally {
      ls.stop();
    }
  }, 60_000);

  it('every scenario file the project ships starts with the schema line', () => {
    const dirs = ['assets/scenarios', 'docs/research'];
    const files = dirs.flatMap((d) =>
      readdirSync(join(ROOT, d))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join(ROOT, d, f)),
    );
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(readFileSync(f, 'utf8').split('\n')[0], f).toBe(schemaLine(f, SCHEMA));
  });

  it('the project maps scenario files to the schema for editors', () => {
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode', 'settings.json'), 'utf8'));
    const globs = settings['yaml.schemas']['./assets/scenarios/scenario.schema.json'];
    expect(globs).toContain('assets/scenarios/*.yaml');
  });

  it('every field of the JSON Schema has a description, and the shipped schema is the generated one', () => {
    const schema = scenarioJsonSchema();
    const fields = schemaFields(schema);
    // Every kind of place a field can sit: top level, list items, map values, union branches, definitions.
    for (const reach of [
      'meta',
      'parties[].color',
      'profiles.*.reservation.value',
      'profiles.*.ratification[]|0.threshold',
      'events[].effects[]|6.meeting',
      '#Condition|3.not',
    ])
      expect(fields.map((f) => f.path)).toContain(reach);
    expect(fields.length).toBeGreaterThan(150);
    expect(fields.filter((f) => !f.description).map((f) => f.path)).toEqual([]);
    // Ids, dates and colours also carry examples for completion.
    const patterned = fields.filter((f) => f.pattern);
    expect(patterned.length).toBeGreaterThan(20);
    expect(patterned.filter((f) => !f.examples).map((f) => f.path)).toEqual([]);
    expect(JSON.parse(readFileSync(SCHEMA, 'utf8'))).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it('the walk over the schema finds a field left without a description', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string', description: 'described' },
        b: { type: 'object', properties: { c: { type: 'number' } }, description: 'described' },
      },
    };
    expect(
      schemaFields(schema)
        .filter((f) => !f.description)
        .map((f) => f.path),
    ).toEqual(['b.c']);
  });
});

interface Field {
  path: string;
  description: boolean;
  examples: boolean;
  pattern: boolean;
}

/** Every property of a JSON Schema, however deeply nested (items, map values, unions, definitions). */
function schemaFields(root: Record<string, unknown>): Field[] {
  const out: Field[] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    for (const [key, value] of Object.entries((n.properties as Record<string, unknown>) ?? {})) {
      const v = value as Record<string, unknown>;
      const at = path === '' ? key : `${path}.${key}`;
      const items = v.items as Record<string, unknown> | undefined;
      out.push({
        path: at,
        description: typeof v.description === 'string' && v.description.length > 0,
        examples: Array.isArray(v.examples) || Array.isArray(items?.examples),
        // Ids, dates and colours (text fields carry a pattern too: no control characters).
        pattern: typeof v.pattern === 'string' && /^\^(\[A-Za-z0-9\]|\\d\{4\}|#)/.test(v.pattern),
      });
      walk(v, at);
    }
    if (n.items) walk(n.items, `${path}[]`);
    if (n.additionalProperties) walk(n.additionalProperties, `${path}.*`);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const branches = n[key];
      if (Array.isArray(branches)) for (const [i, b] of branches.entries()) walk(b, `${path}|${i}`);
    }
    for (const [key, value] of Object.entries((n.$defs as Record<string, unknown>) ?? {}))
      walk(value, `#${key}`);
  };
  walk(root, '');
  return out;
}
