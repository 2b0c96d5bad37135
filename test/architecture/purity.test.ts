import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree, formatViolation, importsOf } from '../../scripts/check-layers';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const messages = (file: string, content: string) => checkFile(file, content).map(formatViolation);

describe('the layering rules', () => {
  it('hold for the whole source tree', () => {
    expect(checkTree(ROOT).map(formatViolation)).toEqual([]);
  });

  it('forbid clocks and unseeded randomness in the engine and scenario layers', () => {
    const content = [
      "import { x } from './x';",
      'const a = Math.random();',
      'const b = Date.now();',
      'const c = performance.now();',
      'const d = new Date (0);',
    ].join('\n');
    expect(messages('src/engine/bad.ts', content)).toEqual([
      'src/engine/bad.ts:2: src/engine is pure: no Math.random (use the seeded RNG in the engine state)',
      'src/engine/bad.ts:3: src/engine is pure: no Date.now (time enters as intents)',
      'src/engine/bad.ts:4: src/engine is pure: no performance.now (time enters as intents)',
      'src/engine/bad.ts:5: src/engine is pure: no new Date( (time enters as intents)',
    ]);
    expect(messages('src/scenario/bad.ts', 'export const t = Date.now();')).toHaveLength(1);
  });

  it('ignore those words in comments, and allow them in other layers', () => {
    expect(
      messages('src/engine/ok.ts', '// never Math.random()\n/* nor Date.now() */\nexport const a = 1;'),
    ).toEqual([]);
    expect(messages('src/server/clock.ts', 'export const now = () => Date.now();')).toEqual([]);
  });

  it('forbid frameworks, Node modules and upper layers in the pure layers', () => {
    const content = [
      "import Phaser from 'phaser';",
      "import { createActor } from 'xstate';",
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { io } from 'socket.io-client';",
      "import type { Agent } from '../ai/agent';",
      "export { thing } from '../cli/main';",
      "const m = await import('../machines/session');",
      "import { z } from 'zod';",
      "import { holds } from '../scenario/utility';",
    ].join('\n');
    expect(messages('src/engine/bad.ts', content)).toEqual([
      "src/engine/bad.ts:1: src/engine is pure: no phaser (import 'phaser')",
      "src/engine/bad.ts:2: src/engine is pure: no xstate (import 'xstate')",
      "src/engine/bad.ts:3: src/engine is pure: no Node modules (import 'node:fs')",
      "src/engine/bad.ts:4: src/engine is pure: no Node modules (import 'path')",
      "src/engine/bad.ts:5: src/engine is pure: no socket.io-client (import 'socket.io-client')",
      "src/engine/bad.ts:6: src/engine must not import src/ai: the pure layers import nothing above them (import '../ai/agent')",
      "src/engine/bad.ts:7: src/engine must not import src/cli: the pure layers import nothing above them (import '../cli/main')",
      "src/engine/bad.ts:8: src/engine must not import src/machines: the pure layers import nothing above them (import '../machines/session')",
    ]);
  });

  it('keep the engine to itself and the scenario layer', () => {
    expect(messages('src/engine/bad.ts', "import { Msg } from '../protocol/messages';")).toEqual([
      "src/engine/bad.ts:1: src/engine may import only src/engine and src/scenario, not src/protocol (import '../protocol/messages')",
    ]);
    expect(
      messages(
        'src/engine/rules/deep.ts',
        "import { s } from '../state';\nimport { t } from '../../scenario/schema';",
      ),
    ).toEqual([]);
  });

  it('keep machines from importing AI, and game and ui apart', () => {
    expect(
      messages('src/machines/delegation.ts', "import { negotiator } from '../ai/simple-negotiator';"),
    ).toHaveLength(1);
    expect(messages('src/game/scenes/table.ts', "import { panel } from '../../ui/panel';")).toEqual([
      "src/game/scenes/table.ts:1: src/game must not import src/ui: they are siblings (import '../../ui/panel')",
    ]);
    expect(messages('src/ui/log.ts', "import type { Scene } from '../game/scene';")).toHaveLength(1);
    expect(messages('src/ai/agent.ts', "import { m } from '../machines/delegation';")).toEqual([]);
  });

  it('read multi-line and type-only imports', () => {
    const refs = importsOf(
      "import type {\n  A,\n  B,\n} from './a';\nexport * from './b';\nimport './side-effect';",
    );
    expect(refs.map((r) => [r.specifier, r.line])).toEqual([
      ['./a', 1],
      ['./b', 5],
      ['./side-effect', 6],
    ]);
  });
});
