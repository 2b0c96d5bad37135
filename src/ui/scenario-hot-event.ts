// The message `npm run dev` sends to open pages when a scenario file is saved and valid (scripts/scenario-live.ts):
// the file's text (for the lab, which edits the text) and what the build makes of it (for the game and the title).
export const SCENARIO_EVENT = 'shuttle:scenario';

export interface ScenarioUpdate {
  /** The file, relative to the project root, with `/` (as the catalogue names it). */
  file: string;
  text: string;
  /** What a `?scenario` module would export for it (the scenario with its translations, or its errors). */
  built:
    | { ok: true; scenario: unknown; warnings: string[]; figures: string }
    | { ok: false; errors: string[] };
}
