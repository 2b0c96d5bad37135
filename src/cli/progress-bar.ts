// A one-line progress bar for long CLI runs, redrawn in place on a terminal (callers only use it on a TTY).
const WIDTH = 30;
const REDRAW_MS = 100;

export interface ProgressBar {
  update(done: number): void;
  /** Clears the line, leaving the terminal as it was. */
  stop(): void;
}

export function progressBar(
  stream: { write(s: string): unknown },
  total: number,
  unit = 'games',
  now: () => number = () => performance.now(),
): ProgressBar {
  const started = now();
  let drawn = -REDRAW_MS;
  return {
    update(done) {
      const t = now();
      if (done < total && t - drawn < REDRAW_MS) return;
      drawn = t;
      const fraction = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(fraction * WIDTH);
      const minutes = (t - started) / 60_000;
      const rate = minutes > 0 ? Math.round(done / minutes) : 0;
      const eta = rate > 0 && done < total ? ` ETA ${Math.ceil(((total - done) / rate) * 60)} s` : '';
      stream.write(
        `\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${unit} ` +
          `${Math.round(fraction * 100)}%  ${rate.toLocaleString('en-US')} ${unit}/min${eta}`,
      );
    },
    stop() {
      stream.write('\r\x1b[K');
    },
  };
}
