import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ScenarioSchema } from '../../src/scenario/schema';
import { openPage, startHarness } from './harness';
import { leave, playSoloToEnd, startSolo } from './player';
const file = process.argv[2] ?? 'test/fixtures/harbour-two-party.yaml';
const party = process.argv[3] ?? 'Southbay';
const sc = ScenarioSchema.parse(parse(readFileSync(file, 'utf8')));
const h = await startHarness();
const t = await openPage(h);
const { page } = t;
await page.goto(`${h.baseUrl}/?test=1&seed=7`);
await startSolo(page, sc.meta.title, party);
await page.getByRole('button', { name: 'Take my seat' }).click();
await leave(page, 'brief');
await playSoloToEnd(page, sc);
await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor();
const text = (await page.locator('#app').innerText()) ?? '';
for (const w of ['trade', 'security', 'guarantees']) {
  for (const m of text.matchAll(new RegExp(`(?<![A-Za-z0-9_-])${w}(?![A-Za-z0-9_-])`, 'g'))) console.log(w, '::', JSON.stringify(text.slice(Math.max(0, m.index! - 120), m.index! + 60)));
}
await t.close(); await h.close();
