// The UI's side of the Phaser table contract (src/game/mount-table.ts), declared here so src/ui never imports src/game.
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';

export interface TableHandle {
  update(view: SeatView, events: GameEvent[]): void;
  destroy(): void;
}

export type MountTable = (
  container: HTMLElement,
  view: SeatView,
  options: { lowFrameRate?: boolean },
) => Promise<TableHandle>;

/** Loads the table module lazily; main.ts provides it with a dynamic import. */
export type TableLoader = () => Promise<MountTable>;
