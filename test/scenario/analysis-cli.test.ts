// `cli analyse`: the report names options by their labels, --json prints one object, bad input gets one line.
import { describe, expect, it } from 'vitest';
import { analyseCommand } from '../../src/cli/analyse';
import { HARBOUR } from '../support/scenario-text';

const MIAMI = new URL('../../assets/scenarios/miami-2025.yaml', import.meta.url).pathname;

function run(file: string, flags: { meeting?: string; json?: boolean } = {}) {
  let out = '';
  let err = '';
  const ended = analyseCommand(file, flags, {
    out: { write: (s: string) => (out += s) },
    err: { write: (s: string) => (err += s) },
  });
  return { ended, out, err };
}

describe('cli analyse', () => {
  it('reports the frontier, the zone, and the Nash and KS points with option labels', () => {
    const { ended, out, err } = run(MIAMI);
    expect(ended).toBe('ok');
    expect(err).toBe('');
    expect(out).toContain('80,621,568 complete texts');
    expect(out).toMatch(/Pareto frontier: \d+ points/);
    expect(out).toContain('zone of agreement: 1,024 deals (0.001% of texts), counted exactly');
    expect(out).toContain('Nash point: US 8970, Ukraine 6300, Russia 6980');
    expect(out).toContain("Security guarantees for Ukraine: US guarantee modelled on NATO's Article 5");
    expect(out).toMatch(/Kalai–Smorodinsky point: /);
    expect(out).toMatch(/analysed in [\d.]+ ms\n$/);
  });

  it('prints one JSON object with --json, at a meeting with its events and time cost', () => {
    const { ended, out } = run(MIAMI, { json: true, meeting: 'abu-dhabi-2' });
    expect(ended).toBe('ok');
    const report = JSON.parse(out);
    expect(report).toMatchObject({
      meeting: 'abu-dhabi-2',
      texts: 181_398_528,
      meetingsElapsed: 4,
      firedEvents: [
        'russian-strikes-6-december',
        'free-economic-zone',
        'assets-frozen-indefinitely',
        'eu-90bn-loan',
        'twenty-point-framework',
      ],
      zone: { exact: true, count: 38_912 },
      zoneDiscounted: { exact: true, count: 38_912 },
    });
    expect(report.frontier[0]).toEqual({
      text: expect.objectContaining({ donetsk: expect.any(String) }),
      utilities: { us: expect.any(Number), ua: expect.any(Number), ru: expect.any(Number) },
      count: expect.any(Number),
      deal: expect.any(Boolean),
    });
    expect(report.nash.utilities).toBeDefined();
    expect(report.ks.utilities).toBeDefined();
    expect(typeof report.ms).toBe('number');
  });

  it('answers an unknown meeting, an unreadable file and an invalid scenario with an error and an exit kind', () => {
    expect(run(HARBOUR, { meeting: 'yalta' })).toMatchObject({
      ended: 'invalid',
      out: '',
      err: `${HARBOUR}: unknown meeting "yalta" (one of: m1, m2, m3, m4)\n`,
    });
    expect(run('/nowhere/at-all.yaml')).toMatchObject({
      ended: 'unreadable',
      err: '/nowhere/at-all.yaml: cannot read the file\n',
    });
    const bad = run(new URL('./analysis.test.ts', import.meta.url).pathname);
    expect(bad.ended).toBe('invalid');
    expect(bad.err).toMatch(/^.*analysis\.test\.ts:\d+:\d+: /);
  });
});
