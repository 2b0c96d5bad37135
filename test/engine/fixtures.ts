// Loads the scenario files the engine and machine tests play on.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type Scenario, ScenarioSchema } from '../../src/scenario/schema';

export function loadFixture(path: string): Scenario {
  return ScenarioSchema.parse(parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')));
}

export const harbour = (): Scenario => loadFixture('test/fixtures/harbour-two-party.yaml');
export const miami = (): Scenario => loadFixture('assets/scenarios/miami-2025.yaml');
