// Browser entry point: styles, then the DOM app; the Phaser table is handed in as a lazy loader so src/ui never imports src/game.
import './zod-jitless';
import './ui/styles.css';
import { startApp } from './ui/app';
import type { TableLoader } from './ui/table-mount';

// The only door to the Phaser layer: a dynamic import, so Phaser lands in its own chunk loaded when a table opens.
const loadTable: TableLoader = async () => (await import('./game/mount-table')).mountTable;

const root = document.getElementById('app');
if (root) void startApp(root, { loadTable, location: window.location });
