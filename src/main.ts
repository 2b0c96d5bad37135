// Browser entry point: styles, then the DOM app; the Phaser table is handed in as a lazy loader so src/ui never imports src/game.
import './zod-jitless';
import './ui/styles.css';
import { initialLanguage, setLanguage } from './i18n';
import { startApp } from './ui/app';
import type { TableLoader } from './ui/table-mount';

// The only door to the Phaser layer: a dynamic import, so Phaser lands in its own chunk loaded when a table opens.
const loadTable: TableLoader = async () => (await import('./game/mount-table')).mountTable;

const root = document.getElementById('app');
const params = new URLSearchParams(window.location.search);
const classRoute = params.get('class');
const isLab = (hash: string) => hash === '#/lab';
// Moving between the lab (#/lab) and the game starts the page afresh on the other route.
window.addEventListener('hashchange', (event) => {
  if (isLab(new URL(event.oldURL).hash) !== isLab(new URL(event.newURL).hash)) window.location.reload();
});
if (root && params.get('print') === 'brief') {
  // A side's brief to print (from the brief screen, the title screen's teacher section and the dashboard).
  void import('./ui/print-brief').then((m) => m.startPrintBrief(root, window.location.search));
} else if (root && classRoute === null && isLab(window.location.hash)) {
  // The scenario lab and its charting library load only on its route.
  void import('./ui/scenario-lab').then((m) =>
    m.startLab(root, {
      onPlay: (choice) => {
        // The game takes over this page: its address leaves the lab, so a reload opens the title screen.
        window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
        void startApp(root, { loadTable, location: window.location, start: choice });
      },
    }),
  );
} else if (root && classRoute === 'teacher') {
  // Class sessions load their own screens (and socket.io) only on their routes; they never load the scenarios' files.
  // They speak the language chosen on this device (or ?lang=), like the rest of the game.
  void setLanguage(initialLanguage(window.location.search), false)
    .then(() => import('./ui/class-teacher'))
    .then((m) => m.startClassTeacher(root));
} else if (root && classRoute === 'join') {
  const code = params.get('code');
  void setLanguage(initialLanguage(window.location.search), false)
    .then(() => import('./ui/class-student'))
    .then((m) =>
      m.startClassStudent(root, {
        loadTable,
        lowFrameRate: params.get('test') === '1',
        code: code && /^[A-Za-z0-9]{1,8}$/.test(code) ? code : null,
      }),
    );
} else if (root) void startApp(root, { loadTable, location: window.location });
