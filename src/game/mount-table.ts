// Mounts the Phaser table into a DOM element and hands back update/destroy; the only entry point the UI uses (loaded lazily).
import * as Phaser from 'phaser';
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';
import { COLORS } from './palette';
import { type Motion, TableScene } from './table-scene';

export interface TableHandle {
  /** A new view and the events since the last update (they are animated). */
  update(view: SeatView, events: GameEvent[]): void;
  destroy(): void;
}

/**
 * What the table tells about its own drawing, on `window.shuttleTableDebug` while it is on screen (read by
 * `npm run bench:client`): frames drawn, whether the loop is awake, and a way to make it draw every frame for a while.
 */
export interface TableDebug {
  readonly renders: number;
  readonly awake: boolean;
  /** The picture's texts since it was mounted: made new, and given new words (each is laid out and drawn again). */
  readonly texts: { made: number; rewritten: number };
  drawFor(ms: number): void;
}

declare global {
  interface Window {
    shuttleTableDebug?: TableDebug;
  }
}

/** Frames drawn with nothing moving before the loop goes back to sleep (the last picture must be on screen). */
const QUIET_FRAMES_BEFORE_SLEEP = 2;

export interface MountOptions {
  /** Test mode: about 10 frames a second and no animation longer than 150 ms. */
  lowFrameRate?: boolean;
}

/** Height to use when the container has none of its own (e.g. an empty div in a flow layout). */
const FALLBACK_ASPECT = 0.62;
const MIN_WIDTH = 280;
const MIN_HEIGHT = 240;
/** The largest table drawn, in CSS pixels: a projector's screen. A larger container shows it at the top left. */
const MAX_WIDTH = 1920;
const MAX_HEIGHT = 1080;

function measure(container: HTMLElement): { width: number; height: number } {
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.floor(container.clientWidth || 0) || 800));
  const own = Math.floor(container.clientHeight || 0);
  const height = Math.min(
    MAX_HEIGHT,
    Math.max(MIN_HEIGHT, own > 0 ? own : Math.round(width * FALLBACK_ASPECT)),
  );
  return { width, height };
}

function pixelRatio(): number {
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio : 1;
  return Math.min(3, Math.max(1, Number.isFinite(dpr) && dpr > 0 ? dpr : 1));
}

function motionFor(options: MountOptions): Motion {
  if (options.lowFrameRate) return 'test';
  const reduced =
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduced ? 'reduced' : 'full';
}

/**
 * Draws the table for `view` inside `container` and resolves once the first frame's picture is built.
 * The canvas is decorative (`aria-hidden`): every fact it shows is also in the DOM panels, and it takes no input.
 */
export async function mountTable(
  container: HTMLElement,
  view: SeatView,
  options: MountOptions = {},
): Promise<TableHandle> {
  const motion = motionFor(options);
  let size = measure(container);
  let dpr = pixelRatio();
  // The canvas is laid over the container so it never changes the container's own size (no resize loops).
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  if (!container.clientHeight) container.style.minHeight = `${size.height}px`;

  return new Promise<TableHandle>((resolve, reject) => {
    let game: Phaser.Game | null = null;
    let observer: ResizeObserver | null = null;
    let frame = 0;
    let destroyed = false;
    // Render on change: the game loop sleeps while nothing moves and wakes for a new view, a resize or a tween.
    let renders = 0;
    let quiet = 0;
    let drawUntil = 0;
    const wake = () => {
      quiet = 0;
      const loop = game?.loop;
      if (!loop || destroyed || loop.running) return;
      // No catch-up: tweens go on from where they were, not by the time the loop slept.
      loop.resetDelta();
      loop.wake();
    };
    const afterRender = () => {
      renders++;
      const loop = game?.loop;
      if (!loop?.running) return;
      if (scene.busy() || performance.now() < drawUntil) {
        quiet = 0;
        return;
      }
      if (++quiet >= QUIET_FRAMES_BEFORE_SLEEP) loop.sleep();
    };
    let pendingView: SeatView | null = null;
    const pendingEvents: GameEvent[] = [];
    let pendingTimer: ReturnType<typeof setTimeout> | 0 = 0;
    const flush = () => {
      pendingTimer = 0;
      const next = pendingView;
      pendingView = null;
      if (destroyed || !next) return;
      scene.showView(next, pendingEvents.splice(0));
      wake();
    };
    const debug: TableDebug = {
      get renders() {
        return renders;
      },
      get awake() {
        return !!game?.loop.running;
      },
      get texts() {
        return { ...scene.textCounts };
      },
      drawFor(ms: number) {
        drawUntil = performance.now() + Math.max(0, ms);
        wake();
      },
    };

    const scene = new TableScene({
      view,
      motion,
      width: size.width,
      height: size.height,
      dpr,
      onReady: () => {
        const canvas = game?.canvas;
        if (canvas) styleCanvas(canvas);
        game?.events.on(Phaser.Core.Events.POST_RENDER, afterRender);
        window.shuttleTableDebug = debug;
        resolve(handle);
      },
    });

    const styleCanvas = (canvas: HTMLCanvasElement) => {
      canvas.setAttribute('aria-hidden', 'true');
      canvas.setAttribute('role', 'presentation');
      canvas.tabIndex = -1;
      canvas.style.position = 'absolute';
      canvas.style.left = '0';
      canvas.style.top = '0';
      canvas.style.display = 'block';
      canvas.style.width = `${size.width}px`;
      canvas.style.height = `${size.height}px`;
      canvas.style.pointerEvents = 'none';
    };

    const relayout = () => {
      frame = 0;
      if (destroyed || !game) return;
      const next = measure(container);
      const nextDpr = pixelRatio();
      if (next.width === size.width && next.height === size.height && nextDpr === dpr) return;
      size = next;
      dpr = nextDpr;
      game.scale.resize(Math.round(size.width * dpr), Math.round(size.height * dpr));
      styleCanvas(game.canvas);
      scene.resizeTo(size.width, size.height, dpr);
      wake();
    };
    const scheduleRelayout = () => {
      if (!frame) frame = requestAnimationFrame(relayout);
    };

    const handle: TableHandle = {
      update(next, events) {
        if (destroyed) return;
        // Drawn in a task of its own, after the page has updated its panels for the same view: the two together
        // would make one long task. Views that come faster than that are drawn once, with all their events.
        pendingView = next;
        pendingEvents.push(...events);
        if (!pendingTimer) pendingTimer = setTimeout(flush, 0);
      },
      destroy() {
        if (destroyed) return;
        destroyed = true;
        if (frame) cancelAnimationFrame(frame);
        if (pendingTimer) clearTimeout(pendingTimer);
        observer?.disconnect();
        window.removeEventListener('resize', scheduleRelayout);
        if (window.shuttleTableDebug === debug) delete window.shuttleTableDebug;
        game?.destroy(true);
        game = null;
      },
    };

    try {
      game = new Phaser.Game({
        // The 2D canvas renderer: the table is flat shapes and text, which Canvas 2D draws several times faster than
        // WebGL does on software rendering (a school laptop without a usable GPU: 17 fps against 59 idle).
        type: Phaser.CANVAS,
        parent: container,
        width: Math.round(size.width * dpr),
        height: Math.round(size.height * dpr),
        backgroundColor: COLORS.background,
        banner: false,
        antialias: true,
        antialiasGL: true,
        autoFocus: false,
        disableContextMenu: false,
        // The table takes no input at all: keyboard capture would steal keys from the DOM controls.
        input: { keyboard: false, mouse: false, touch: false, gamepad: false },
        audio: { noAudio: true },
        scale: { mode: Phaser.Scale.NONE, expandParent: false, autoRound: true },
        // Raw frame times: Phaser's smoothing caps a frame at 1/60 s while the window is unfocused, which would
        // stretch a 4 s banner to 15 s on a slow, unfocused screen (a projector, a headless test).
        fps: options.lowFrameRate
          ? { target: 10, limit: 10, forceSetTimeOut: true, smoothStep: false }
          : { target: 60, smoothStep: false },
        scene: [scene],
      });
    } catch (error) {
      reject(error);
      return;
    }
    if (game.canvas) styleCanvas(game.canvas);
    observer = new ResizeObserver(scheduleRelayout);
    observer.observe(container);
    // A change of device pixel ratio (moving the window to another screen) fires a window resize.
    window.addEventListener('resize', scheduleRelayout);
  });
}
