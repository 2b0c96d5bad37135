// The Phaser scene that draws the negotiating table from a SeatView and animates the events since the last view; no rules here.
import * as Phaser from 'phaser';
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';
import { t as fill } from '../i18n';
import {
  bubbleSpot,
  calendarPills,
  cardGrid,
  clamp,
  dotRow,
  fontPx,
  type Point,
  type Rect,
  type SeatSpot,
  seatSpots,
  type TableLayout,
  tableLayout,
} from './layout';
import { COLORS, cssColor, FONT, hexColor, mix } from './palette';
import {
  costLine,
  effectFor,
  formatDate,
  meetingLabel,
  outcomeTitle,
  packageBadge,
  partyName,
  roundLabel,
  type TableEffect,
  tableWords,
} from './table-text';

/** full: every animation; reduced: the user asked for less motion (fades only); test: fast and short, for e2e. */
export type Motion = 'full' | 'reduced' | 'test';

export interface TableSceneInit {
  view: SeatView;
  motion: Motion;
  width: number;
  height: number;
  dpr: number;
  onReady: () => void;
}

type Text = Phaser.GameObjects.Text;
type Container = Phaser.GameObjects.Container;
type Graphics = Phaser.GameObjects.Graphics;

interface TextStyle {
  size: number;
  color?: number;
  bold?: boolean;
  serif?: boolean;
  wrap?: number;
  align?: 'left' | 'center' | 'right';
  spacing?: number;
  alpha?: number;
}

interface CardRef {
  container: Container;
  rect: Rect;
  /** World positions of each party's acceptance dot, and the dot itself (so it can pop in after a flight). */
  dots: Map<string, { at: Point; obj: Graphics }>;
}

/** Effects that play at most this many per update; a burst of moves (an AI's fast turn) is summarised, not queued forever. */
const MAX_EFFECTS_PER_UPDATE = 12;

export class TableScene extends Phaser.Scene {
  private view: SeatView;
  private readonly motion: Motion;
  private cssW: number;
  private cssH: number;
  private dpr: number;
  private readonly onReady: () => void;
  private lay: TableLayout;
  private staticLayer: Container | null = null;
  private overlay: Container | null = null;
  private seats = new Map<string, SeatSpot>();
  private cards = new Map<string, CardRef>();
  private badges = new Map<string, Container>();
  private bubbles = new Map<string, Container>();
  private staticTweens: Phaser.Tweens.Tween[] = [];
  private overlayTweens = new Set<Phaser.Tweens.Tween>();
  private timers = new Set<Phaser.Time.TimerEvent>();
  /**
   * Texts of the picture on screen, by what they say and how (see text()): a new picture takes the ones that have
   * not changed instead of laying out and rasterising its text again, the costliest part of a rebuild.
   */
  private textPool = new Map<string, Text[]>();
  /** The same texts by their style alone: a text whose words changed takes a leftover of its style and only has its
   * words set (a new Text makes a canvas and a texture of its own, the slowest part of a rebuild after a move). */
  private spares = new Map<string, Text[]>();
  /** Texts of the previous picture that the one being built has taken (from textPool or spares). */
  private taken = new WeakSet<Text>();
  /** What fit() shortened each text to, by its words, style and room. */
  private fitMemo = new Map<string, string>();
  /** Texts taken or made for the picture being built; null outside a rebuild (overlay texts are never kept). */
  private building: Map<string, Text[]> | null = null;
  /** Texts made and texts given new words since the scene began (see TableDebug). */
  readonly textCounts = { made: 0, rewritten: 0 };
  /** The style part of each built text's pool key. */
  private builtStyle = new Map<Text, string>();
  /** Scene time at which the banner lane (news, meeting title cards, the final banner) is free again. */
  private bannerFreeAt = 0;

  constructor(init: TableSceneInit) {
    super({ key: 'table' });
    this.view = init.view;
    this.motion = init.motion;
    this.cssW = init.width;
    this.cssH = init.height;
    this.dpr = init.dpr;
    this.onReady = init.onReady;
    this.lay = tableLayout(init.width, init.height);
  }

  create(): void {
    this.applyCamera();
    this.rebuild(new Set());
    this.onReady();
  }

  /** New canvas size in CSS pixels (the game itself is already resized to width·dpr × height·dpr). */
  resizeTo(width: number, height: number, dpr: number): void {
    this.cssW = width;
    this.cssH = height;
    this.dpr = dpr;
    this.lay = tableLayout(width, height);
    if (!this.sys.isActive()) return;
    this.applyCamera();
    this.clearOverlay();
    this.rebuild(new Set());
  }

  /** Shows `view` and animates `events` (those since the previous view); events it does not know are ignored. */
  showView(view: SeatView, events: readonly GameEvent[]): void {
    this.view = view;
    const effects: TableEffect[] = [];
    for (const event of events) {
      try {
        const effect = effectFor(view, event);
        if (effect) effects.push(effect);
      } catch {
        // A malformed or newer event must never break the table.
      }
    }
    // Banners (news, title cards, the final one) always play, in order; of the small effects only the latest.
    const inLane = (e: TableEffect) => e.kind === 'banner' || e.kind === 'title-card' || e.kind === 'final';
    const minorCount = effects.filter((e) => !inLane(e)).length;
    let skip = Math.max(0, minorCount - MAX_EFFECTS_PER_UPDATE);
    const played = effects.filter((e) => inLane(e) || skip-- <= 0);
    // Dots that will arrive by a flight start hidden and pop in when it lands.
    const pending = new Set(
      played.flatMap((e) => (e.kind === 'fly' && this.motion !== 'test' ? [`${e.package}:${e.party}`] : [])),
    );
    this.rebuild(pending);
    let slot = 0;
    for (const effect of played) {
      const delay = inLane(effect) ? 0 : slot * this.ms(240);
      if (!inLane(effect)) slot++;
      try {
        this.play(effect, delay);
      } catch {
        // Animations are decoration: a failure here must not stop the view from updating.
      }
    }
  }

  /** Whether anything is still moving or waiting to play (a tween, a delayed effect): the loop must stay awake. */
  busy(): boolean {
    if (this.timers.size > 0) return true;
    return this.tweens.getTweens().some((t) => !t.isPendingRemove() && !t.isDestroyed());
  }

  // ---------------------------------------------------------------- helpers

  private applyCamera(): void {
    const cam = this.cameras.main;
    cam.setSize(Math.round(this.cssW * this.dpr), Math.round(this.cssH * this.dpr));
    cam.setOrigin(0, 0);
    cam.setZoom(this.dpr);
    cam.setScroll(0, 0);
  }

  /** A duration, shortened for tests and for reduced motion. */
  private ms(duration: number): number {
    if (this.motion === 'test') return Math.min(duration, 150);
    return duration;
  }

  private px(n: number): number {
    return n * this.lay.k;
  }

  /** Font sizes shrink less than the geometry, so that text stays readable on a small canvas. */
  private fs(n: number): number {
    return fontPx(n, this.lay.k);
  }

  private styleKey(s: TextStyle): string {
    return JSON.stringify([
      Math.round(s.size * 10) / 10,
      s.color ?? COLORS.ink,
      !!s.bold,
      !!s.serif,
      s.wrap ?? 0,
      s.align ?? 'left',
      s.spacing ?? 0,
      this.dpr,
    ]);
  }

  /** A text of the picture being built. With `fitWidth`, it comes shortened to that width (see fit()), and one the
   * previous picture fitted to the same words and width is taken back as it is, without being laid out again. */
  private text(x: number, y: number, value: string, s: TextStyle, fitWidth?: number): Text {
    if (!this.building) {
      const made = this.newText(x, y, value, s);
      return fitWidth === undefined ? made : this.fit(made, fitWidth);
    }
    const style = this.styleKey(s);
    const key = JSON.stringify([style, value, fitWidth === undefined ? null : Math.round(fitWidth * 10)]);
    let t = this.takeFrom(this.textPool.get(key));
    if (t) {
      // The same words, style and room. Without a room, the caller may have shortened it last time (setText, fit).
      if (fitWidth === undefined) this.rewrite(t, value);
    } else {
      t = this.takeFrom(this.spares.get(style));
      if (t) this.rewrite(t, value);
      else t = this.newText(x, y, value, s);
      if (fitWidth !== undefined) this.fit(t, fitWidth);
    }
    t.setPosition(x, y);
    t.setScale(1);
    t.setVisible(true);
    t.setAlpha(s.alpha ?? 1);
    const built = this.building.get(key);
    if (built) built.push(t);
    else this.building.set(key, [t]);
    this.builtStyle.set(t, style);
    return t;
  }

  /** A text of the previous picture from `list` that the new one has not taken yet. */
  private takeFrom(list: Text[] | undefined): Text | undefined {
    while (list && list.length > 0) {
      const t = list.pop() as Text;
      if (t.active && !this.taken.has(t)) {
        this.taken.add(t);
        return t;
      }
    }
    return undefined;
  }

  /** New words for a text (laid out and drawn again), counted. */
  private rewrite(t: Text, value: string): void {
    if (t.text === value) return;
    this.textCounts.rewritten++;
    t.setText(value);
  }

  private newText(x: number, y: number, value: string, s: TextStyle): Text {
    this.textCounts.made++;
    const t = this.add.text(x, y, value, {
      fontFamily: s.serif ? FONT.serif : FONT.sans,
      fontSize: `${Math.round(s.size * 10) / 10}px`,
      fontStyle: s.bold ? 'bold' : 'normal',
      color: cssColor(s.color ?? COLORS.ink),
      align: s.align ?? 'left',
      resolution: this.dpr,
      ...(s.wrap ? { wordWrap: { width: s.wrap, useAdvancedWrap: true } } : {}),
    });
    if (s.spacing) t.setLetterSpacing(s.spacing);
    if (s.alpha !== undefined) t.setAlpha(s.alpha);
    return t;
  }

  /** Shortens a text with an ellipsis until it fits `maxWidth`. */
  private fit(t: Text, maxWidth: number): Text {
    if (t.width <= maxWidth) return t;
    const full = t.text;
    // Every try lays the text out and draws it again: the answer is remembered (a table redrawn after a move
    // shortens the same texts to the same widths), and found by halving, not one character at a time.
    const memoKey = JSON.stringify([full, maxWidth, t.style.fontSize, t.style.fontStyle, t.style.fontFamily]);
    const known = this.fitMemo.get(memoKey);
    if (known !== undefined) {
      this.rewrite(t, known);
      return t;
    }
    const cut = (n: number) => `${full.slice(0, n).trimEnd()}…`;
    // The longest cut that fits; the shortest (one character) when none does, as before.
    let lo = 1;
    let hi = full.length - 1;
    let best = 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      this.rewrite(t, cut(mid));
      if (t.width <= maxWidth) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const value = cut(best);
    if (t.text !== value) this.rewrite(t, value);
    if (this.fitMemo.size > 2000) this.fitMemo.clear();
    this.fitMemo.set(memoKey, value);
    return t;
  }

  private partyColor(id: string): number {
    const party = this.view.scenario.parties.find((p) => p.id === id);
    return party ? hexColor(party.color) : COLORS.muted;
  }

  private tweenStatic(config: Phaser.Types.Tweens.TweenBuilderConfig): void {
    this.staticTweens.push(this.tweens.add(config));
  }

  private tweenOverlay(config: Phaser.Types.Tweens.TweenBuilderConfig): Phaser.Tweens.Tween {
    const userComplete = config.onComplete;
    const tween = this.tweens.add({
      ...config,
      onComplete: (...args: unknown[]) => {
        this.overlayTweens.delete(tween);
        if (typeof userComplete === 'function') (userComplete as (...a: unknown[]) => void)(...args);
      },
    });
    this.overlayTweens.add(tween);
    return tween;
  }

  private later(delay: number, fn: () => void): void {
    if (delay <= 0) {
      fn();
      return;
    }
    const timer = this.time.delayedCall(delay, () => {
      this.timers.delete(timer);
      fn();
    });
    this.timers.add(timer);
  }

  private clearOverlay(): void {
    for (const t of this.overlayTweens) t.remove();
    this.overlayTweens.clear();
    for (const t of this.timers) t.remove(false);
    this.timers.clear();
    this.bubbles.clear();
    this.overlay?.destroy();
    this.overlay = null;
    this.bannerFreeAt = 0;
  }

  // ---------------------------------------------------------------- the static picture

  private rebuild(pendingDots: Set<string>): void {
    for (const t of this.staticTweens) t.remove();
    this.staticTweens = [];
    // The old picture's texts leave it before it goes, so that the new one can take them back.
    for (const list of this.textPool.values()) {
      for (const t of list) t.parentContainer?.remove(t, false);
    }
    this.staticLayer?.destroy();
    this.building = new Map();
    this.taken = new WeakSet();
    try {
      this.drawPicture(pendingDots);
    } finally {
      for (const list of this.textPool.values()) for (const t of list) if (!this.taken.has(t)) t.destroy();
      this.textPool = this.building;
      this.spares = new Map();
      for (const list of this.textPool.values()) {
        for (const t of list) {
          const style = this.builtStyle.get(t) as string;
          const same = this.spares.get(style);
          if (same) same.push(t);
          else this.spares.set(style, [t]);
        }
      }
      this.builtStyle.clear();
      this.building = null;
    }
  }

  private drawPicture(pendingDots: Set<string>): void {
    this.seats.clear();
    this.cards.clear();
    this.badges.clear();
    const layer = this.add.container(0, 0);
    this.staticLayer = layer;
    this.drawBackground(layer);
    this.drawHeader(layer);
    this.drawCalendar(layer);
    this.drawTable(layer);
    this.drawCards(layer, pendingDots);
    this.drawSeats(layer);
    this.drawFooter(layer);
    if (!this.overlay) this.overlay = this.add.container(0, 0);
    // The overlay always stays on top of a freshly built picture.
    this.children.bringToTop(this.overlay);
  }

  private drawBackground(layer: Container): void {
    const g = this.add.graphics();
    g.fillStyle(COLORS.background, 1);
    g.fillRect(0, 0, this.cssW, this.cssH);
    layer.add(g);
  }

  private drawHeader(layer: Container): void {
    const { header } = this.lay;
    const v = this.view;
    const venue = this.text(header.x, header.y, v.meeting.venue, {
      size: this.fs(24),
      bold: true,
      serif: true,
    });
    const sub = this.text(
      header.x,
      header.y + venue.height + this.px(2),
      `${formatDate(v.meeting.date, true)}  ·  ${meetingLabel(v)}`,
      { size: this.fs(13), color: COLORS.inkSoft },
    );
    layer.add([venue, sub]);

    const right = header.x + header.w;
    const ended = v.status === 'ended';
    const c = tableWords();
    const chipLabel = ended ? c.over : roundLabel(v);
    const chipText = this.text(0, 0, chipLabel, { size: this.fs(12.5), bold: true, color: COLORS.ink });
    const chipW = chipText.width + this.px(22);
    const chipH = chipText.height + this.px(8);
    const chip = this.add.graphics();
    chip.fillStyle(COLORS.paper, 1);
    chip.lineStyle(1, COLORS.hairline, 1);
    chip.fillRoundedRect(right - chipW, header.y, chipW, chipH, chipH / 2);
    chip.strokeRoundedRect(right - chipW, header.y, chipW, chipH, chipH / 2);
    chipText.setPosition(right - chipW / 2 - chipText.width / 2, header.y + (chipH - chipText.height) / 2);
    layer.add([chip, chipText]);

    let line: string;
    let dot: number | null = null;
    if (ended && v.outcome) line = outcomeTitle(v, v.outcome);
    else if (v.myTurn) {
      line = c.yourTurn;
      dot = this.partyColor(v.seat);
    } else if (v.speaker) {
      line = fill(c.isSpeaking, { party: partyName(v, v.speaker, false) });
      dot = this.partyColor(v.speaker);
    } else line = '';
    if (line) {
      const t = this.text(0, header.y + chipH + this.px(6), line, {
        size: this.fs(12.5),
        color: COLORS.inkSoft,
        bold: v.myTurn,
      });
      // Beside the date and meeting line: on a narrow table (and in longer languages) the date goes short first,
      // then the line is cut to what is left, so the two never overlap.
      const dotRoom = this.px(dot !== null ? 24 : 12);
      const room = () => Math.min(header.w / 2, right - (sub.x + sub.width) - dotRoom);
      if (t.width > room()) sub.setText(`${formatDate(v.meeting.date, false, false)}  ·  ${meetingLabel(v)}`);
      this.fit(t, Math.max(room(), this.px(48)));
      t.setX(right - t.width);
      layer.add(t);
      if (dot !== null) {
        const d = this.add.graphics();
        d.fillStyle(dot, 1);
        d.fillCircle(right - t.width - this.px(9), t.y + t.height / 2, this.px(4));
        layer.add(d);
      }
    }
  }

  private drawCalendar(layer: Container): void {
    const { calendar, k } = this.lay;
    const meetings = this.view.scenario.calendar;
    const pills = calendarPills(meetings.length, calendar, this.px(10), this.px(170));
    const g = this.add.graphics();
    layer.add(g);
    const first = pills[0];
    const last = pills[pills.length - 1];
    if (first && last && pills.length > 1) {
      g.lineStyle(Math.max(1, k * 1.5), COLORS.hairline, 1);
      g.lineBetween(first.x + first.w / 2, first.y + first.h / 2, last.x + last.w / 2, last.y + last.h / 2);
    }
    const current = this.view.meeting.index;
    meetings.forEach((m, i) => {
      const r = pills[i];
      if (!r) return;
      const isCurrent = i === current;
      const done = i < current && !m.dropped;
      const radius = r.h / 2;
      let fill: number = COLORS.background;
      let stroke: number = COLORS.hairline;
      let ink: number = COLORS.inkSoft;
      if (isCurrent) {
        fill = COLORS.current;
        stroke = COLORS.current;
        ink = COLORS.paper;
      } else if (done) {
        fill = COLORS.paper;
        ink = COLORS.muted;
      } else if (m.dropped) {
        ink = COLORS.dropped;
      } else {
        fill = COLORS.paper;
      }
      g.fillStyle(fill, 1);
      g.fillRoundedRect(r.x, r.y, r.w, r.h, radius);
      g.lineStyle(1, stroke, 1);
      g.strokeRoundedRect(r.x, r.y, r.w, r.h, radius);
      const icon = done ? this.px(14) : 0;
      const room = r.w - this.px(18) - icon;
      const t = this.text(0, 0, `${m.venue} · ${formatDate(m.date, false, false)}`, {
        size: this.fs(11.5),
        bold: isCurrent,
        color: ink,
      });
      if (t.width > room) t.setText(m.venue);
      if (t.width > room && room < this.fs(40)) t.setText(String(i + 1));
      this.fit(t, room);
      const tx = r.x + (r.w - t.width - icon) / 2 + icon;
      t.setPosition(tx, r.y + (r.h - t.height) / 2);
      layer.add(t);
      if (done) {
        // A small tick: this meeting is behind us.
        const cx = tx - icon + this.px(4);
        const cy = r.y + r.h / 2;
        g.lineStyle(Math.max(1.2, k * 1.6), COLORS.signed, 1);
        g.beginPath();
        g.moveTo(cx - this.px(3.5), cy);
        g.lineTo(cx - this.px(1), cy + this.px(3));
        g.lineTo(cx + this.px(4), cy - this.px(3.5));
        g.strokePath();
      }
      if (m.dropped) {
        g.lineStyle(Math.max(1, k * 1.4), COLORS.dropped, 1);
        g.lineBetween(t.x - this.px(2), cy(t), t.x + t.width + this.px(2), cy(t));
      }
    });
    function cy(t: Text): number {
      return t.y + t.height / 2;
    }
  }

  private drawTable(layer: Container): void {
    const { table } = this.lay;
    const g = this.add.graphics();
    const rim = this.px(11);
    g.fillStyle(COLORS.shadow, 0.1);
    g.fillEllipse(
      table.cx,
      table.cy + this.px(12),
      (table.rx + rim + this.px(10)) * 2,
      (table.ry + rim + this.px(8)) * 2,
      160,
    );
    g.fillStyle(COLORS.shadow, 0.08);
    g.fillEllipse(
      table.cx,
      table.cy + this.px(6),
      (table.rx + rim + this.px(3)) * 2,
      (table.ry + rim + this.px(3)) * 2,
      160,
    );
    g.fillStyle(COLORS.rim, 1);
    g.fillEllipse(table.cx, table.cy, (table.rx + rim) * 2, (table.ry + rim) * 2, 160);
    g.lineStyle(Math.max(1, this.px(2)), COLORS.rimLight, 1);
    g.strokeEllipse(
      table.cx,
      table.cy,
      (table.rx + rim - this.px(3)) * 2,
      (table.ry + rim - this.px(3)) * 2,
      160,
    );
    g.fillStyle(COLORS.baize, 1);
    g.fillEllipse(table.cx, table.cy, table.rx * 2, table.ry * 2, 160);
    g.lineStyle(Math.max(1, this.px(1.5)), COLORS.baizeLight, 0.9);
    g.strokeEllipse(table.cx, table.cy, (table.rx - this.px(10)) * 2, (table.ry - this.px(10)) * 2, 160);
    layer.add(g);

    const v = this.view;
    const signedText = v.status === 'ended' && v.outcome?.kind === 'deal';
    const c = tableWords();
    const caption = `${(signedText ? c.signedTitle : c.textTitle).toUpperCase()}  ·  v${v.textVersion}`;
    const t = this.text(0, 0, caption, {
      size: this.fs(11),
      bold: true,
      color: COLORS.baizeInk,
      spacing: this.px(1.4),
    });
    if (t.width > table.rx * 1.4) t.setText(`${c.textShort.toUpperCase()}  ·  v${v.textVersion}`);
    t.setPosition(table.cx - t.width / 2, this.lay.cardArea.y - t.height - this.px(8));
    layer.add(t);
  }

  private drawCards(layer: Container, pendingDots: Set<string>): void {
    const v = this.view;
    const grid = cardGrid(v.packages.length, this.lay.cardArea, this.px(12), 2.05, this.px(108));
    const parties = v.scenario.parties.map((p) => p.id);
    v.packages.forEach((pkg, i) => {
      const r = grid.cards[i];
      if (!r) return;
      const c = this.add.container(r.x + r.w / 2, r.y + r.h / 2);
      layer.add(c);
      const hw = r.w / 2;
      const hh = r.h / 2;
      const radius = Math.min(this.px(10), r.h / 4);
      const g = this.add.graphics();
      g.fillStyle(COLORS.shadow, 0.28);
      g.fillRoundedRect(-hw, -hh + this.px(3), r.w, r.h, radius);
      g.fillStyle(pkg.agreed ? COLORS.agreedFill : pkg.onAgenda ? COLORS.paper : COLORS.offAgenda, 1);
      g.fillRoundedRect(-hw, -hh, r.w, r.h, radius);
      if (pkg.agreed) {
        g.lineStyle(Math.max(1.5, this.px(2.5)), COLORS.agreed, 1);
        g.strokeRoundedRect(-hw, -hh, r.w, r.h, radius);
      }
      if (pkg.onAgenda) {
        // A coloured edge on the left marks the packages on this meeting's agenda.
        g.fillStyle(COLORS.agenda, 1);
        g.fillRoundedRect(-hw, -hh + radius, this.px(4), r.h - 2 * radius, this.px(2));
      }
      c.add(g);

      const inset = this.px(13);
      const compact = r.h < this.px(74);
      const badge = this.text(0, 0, packageBadge(v, pkg.version), {
        size: this.fs(11),
        bold: true,
        color: COLORS.inkSoft,
      });
      const bw = badge.width + this.px(12);
      const bh = badge.height + this.px(4);
      const bx = hw - inset - bw;
      const by = -hh + this.px(10);
      g.fillStyle(pkg.agreed ? 0xf3e3b0 : COLORS.background, 1);
      g.fillRoundedRect(bx, by, bw, bh, bh / 2);
      badge.setPosition(bx + this.px(6), by + this.px(2));
      const name = this.text(
        -hw + inset,
        by,
        pkg.name,
        { size: this.fs(14.5), bold: true },
        r.w - 2 * inset - bw - this.px(6),
      );
      name.setY(by + (bh - name.height) / 2);
      c.add([badge, name]);

      // The terms of the current text, as many issues as fit between the title and the dots.
      const termsTop = by + bh + this.px(compact ? 3 : 7);
      const termsBottom = hh - this.px(compact ? 22 : 27);
      this.drawTerms(c, pkg.id, -hw + inset, termsTop, r.w - 2 * inset, termsBottom - termsTop);

      // One dot per party: filled = accepted, ring = conditional, cross = rejected, faint = nothing yet.
      const dotR = this.px(5.5);
      const dy = hh - this.px(10) - dotR;
      const spots = dotRow(parties.length, -hw + inset, dy, dotR, this.px(6));
      const ref: CardRef = { container: c, rect: r, dots: new Map() };
      parties.forEach((party, j) => {
        const at = spots[j];
        if (!at) return;
        const color = this.partyColor(party);
        const d = this.add.graphics({ x: at.x, y: at.y });
        const accepted = pkg.acceptedBy.includes(party);
        const conditional = accepted && (pkg.conditional[party]?.length ?? 0) > 0;
        const rejected = !accepted && pkg.rejectedBy.includes(party);
        if (conditional) {
          d.fillStyle(COLORS.paper, 1);
          d.fillCircle(0, 0, dotR);
          d.lineStyle(Math.max(1.5, this.px(2.2)), color, 1);
          d.strokeCircle(0, 0, dotR - this.px(1));
        } else if (accepted) {
          d.fillStyle(color, 1);
          d.fillCircle(0, 0, dotR);
        } else if (rejected) {
          const a = dotR * 0.75;
          d.lineStyle(Math.max(1.5, this.px(2.2)), mix(color, COLORS.rejected, 0.35), 1);
          d.lineBetween(-a, -a, a, a);
          d.lineBetween(-a, a, a, -a);
        } else {
          d.lineStyle(Math.max(1, this.px(1.2)), COLORS.emptyDot, 1);
          d.strokeCircle(0, 0, dotR - this.px(0.8));
        }
        if (pendingDots.has(`${pkg.id}:${party}`)) d.setScale(0);
        c.add(d);
        ref.dots.set(party, { at: { x: c.x + at.x, y: c.y + at.y }, obj: d });
      });
      // Its state, bottom right: provisionally agreed, or whether this meeting discusses it.
      const lastDot = spots[spots.length - 1];
      const room = hw - inset - ((lastDot?.x ?? -hw) + dotR + this.px(10));
      const chip = pkg.agreed
        ? {
            labels: [tableWords().agreedLong, tableWords().agreedShort],
            fill: COLORS.agreed,
            ink: COLORS.paper,
            outline: null,
          }
        : pkg.onAgenda
          ? {
              labels: [tableWords().agendaLong, tableWords().agendaShort],
              fill: COLORS.agendaFill,
              ink: COLORS.agenda,
              outline: null,
            }
          : {
              labels: [tableWords().offLong, tableWords().offShort],
              fill: COLORS.paper,
              ink: COLORS.muted,
              outline: COLORS.hairline,
            };
      for (const label of chip.labels) {
        const t = this.text(0, 0, label, { size: this.fs(10.5), bold: true, color: chip.ink });
        const cw = t.width + this.px(12);
        const ch = t.height + this.px(3);
        if (cw > room) {
          t.destroy();
          continue;
        }
        const x = hw - inset - cw;
        g.fillStyle(chip.fill, 1);
        g.fillRoundedRect(x, dy - ch / 2, cw, ch, ch / 2);
        if (chip.outline !== null) {
          g.lineStyle(1, chip.outline, 1);
          g.strokeRoundedRect(x, dy - ch / 2, cw, ch, ch / 2);
        }
        t.setPosition(x + this.px(6), dy - t.height / 2);
        c.add(t);
        break;
      }
      this.cards.set(pkg.id, ref);
    });
  }

  private drawTerms(
    c: Container,
    pkgId: string,
    x: number,
    top: number,
    width: number,
    height: number,
  ): void {
    const pkg = this.view.scenario.packages.find((p) => p.id === pkgId);
    if (!pkg || height <= 0) return;
    const lineH = this.px(15.5);
    const fits = Math.floor((height + 1) / lineH);
    if (fits < 1) return;
    const issues = pkg.issues;
    const shown = issues.length > fits ? Math.max(1, fits - 1) : issues.length;
    let y = top;
    for (const issue of issues.slice(0, shown)) {
      const optionId = this.view.text[issue.id];
      const label = issue.options.find((o) => o.id === optionId)?.label ?? '—';
      // Each comes fitted to its room, so a picture after a move takes back the same shortened texts as they are.
      const name = this.text(
        x,
        y,
        `${issue.name}:`,
        { size: this.fs(11.5), color: COLORS.muted },
        width * 0.55,
      );
      const vx = x + name.width + this.px(5);
      const value = this.text(vx, y, label, { size: this.fs(11.5), color: COLORS.ink }, width - (vx - x));
      c.add([name, value]);
      y += lineH;
    }
    if (shown < issues.length && y + lineH <= top + height + 1) {
      const more = issues.length - shown;
      c.add(
        this.text(x, y, fill(tableWords().moreIssues, { n: more }), {
          size: this.fs(11),
          color: COLORS.muted,
        }),
      );
    }
  }

  private drawSeats(layer: Container): void {
    const v = this.view;
    const { seatRing, seatRadius: r, table } = this.lay;
    const ids = v.scenario.parties.map((p) => p.id);
    const viewer = ids.includes(v.seat) ? v.seat : null;
    const spots = seatSpots(ids, viewer, seatRing);
    for (const spot of spots) {
      this.seats.set(spot.party, spot);
      const party = v.scenario.parties.find((p) => p.id === spot.party);
      if (!party) continue;
      const color = hexColor(party.color);
      const present = v.meeting.participants.includes(spot.party);
      const speaking = v.speaker === spot.party && v.status === 'negotiating';
      const isMe = spot.party === viewer;
      const signed = v.signatures[spot.party] === v.textVersion;
      const seat = this.add.container(spot.x, spot.y);
      layer.add(seat);

      if (speaking) {
        const glow = this.add.graphics();
        glow.fillStyle(color, 0.1);
        glow.fillCircle(0, 0, r + this.px(16));
        glow.fillStyle(color, 0.16);
        glow.fillCircle(0, 0, r + this.px(10));
        glow.fillStyle(color, 0.24);
        glow.fillCircle(0, 0, r + this.px(5));
        seat.add(glow);
        if (this.motion === 'full') {
          this.tweenStatic({
            targets: glow,
            scale: { from: 0.92, to: 1.12 },
            alpha: { from: 1, to: 0.55 },
            duration: 950,
            yoyo: true,
            // A few breaths when the turn passes, then still: a table at rest draws nothing (the loop sleeps).
            repeat: 2,
            ease: 'Sine.easeInOut',
          });
        }
      }

      const g = this.add.graphics();
      // The chair's shadow, then the delegate.
      g.fillStyle(COLORS.shadow, 0.18);
      g.fillCircle(0, this.px(3), r + this.px(1));
      if (isMe) {
        g.lineStyle(Math.max(1.5, this.px(2.5)), COLORS.ink, 1);
        g.strokeCircle(0, 0, r + this.px(6));
      }
      g.fillStyle(color, 1);
      g.fillCircle(0, 0, r);
      g.lineStyle(Math.max(2, this.px(3)), COLORS.paper, 1);
      g.strokeCircle(0, 0, r);
      g.fillStyle(COLORS.paper, 0.93);
      g.fillCircle(0, -r * 0.24, r * 0.27);
      g.slice(0, r * 0.56, r * 0.47, Math.PI, 2 * Math.PI, false);
      g.fillPath();
      seat.add(g);

      // Name tag: below the seat in the lower half, above it in the upper half (where the table's text is).
      const tags: string[] = [];
      if (isMe) tags.push(tableWords().you);
      if (v.scenario.mediator === spot.party) tags.push(tableWords().mediator);
      if (speaking) tags.push(tableWords().speaking);
      if (!present) tags.push(tableWords().absent);
      const name = this.text(0, 0, party.shortName, { size: this.fs(12.5), bold: true });
      const sub = tags.length
        ? this.text(0, 0, tags.join(' · '), {
            size: this.fs(10.5),
            color: speaking ? mix(color, COLORS.ink, 0.35) : COLORS.muted,
            bold: speaking,
          })
        : null;
      const tagW = Math.max(name.width, sub?.width ?? 0) + this.px(16);
      const tagH = name.height + (sub ? sub.height : 0) + this.px(6);
      // Beside the seat at the very top (above it would run into the calendar), else below or above it.
      const atTop = Math.sin(spot.angle) < -0.9;
      const below = spot.y >= table.cy - table.ry * 0.35;
      const tagCx = atTop ? r + this.px(12) + tagW / 2 : 0;
      const tagY = atTop ? -tagH / 2 : below ? r + this.px(8) : -r - this.px(8) - tagH;
      const tg = this.add.graphics();
      tg.fillStyle(COLORS.paper, 0.97);
      tg.fillRoundedRect(tagCx - tagW / 2, tagY, tagW, tagH, this.px(7));
      tg.lineStyle(speaking ? Math.max(1.5, this.px(2)) : 1, speaking ? color : COLORS.hairline, 1);
      tg.strokeRoundedRect(tagCx - tagW / 2, tagY, tagW, tagH, this.px(7));
      name.setPosition(tagCx - name.width / 2, tagY + this.px(3));
      seat.add([tg, name]);
      if (sub) {
        sub.setPosition(tagCx - sub.width / 2, name.y + name.height - this.px(1));
        seat.add(sub);
      }

      if (signed) {
        const badge = this.add.container(r * 0.74, -r * 0.74);
        const bg = this.add.graphics();
        const br = this.px(9);
        bg.fillStyle(COLORS.signed, 1);
        bg.fillCircle(0, 0, br);
        bg.lineStyle(Math.max(1.5, this.px(2)), COLORS.paper, 1);
        bg.strokeCircle(0, 0, br);
        bg.lineStyle(Math.max(1.5, this.px(2)), COLORS.paper, 1);
        bg.beginPath();
        bg.moveTo(-br * 0.45, 0);
        bg.lineTo(-br * 0.1, br * 0.38);
        bg.lineTo(br * 0.5, -br * 0.38);
        bg.strokePath();
        badge.add(bg);
        seat.add(badge);
        this.badges.set(spot.party, badge);
      }

      if (!present) seat.setAlpha(0.42);
    }
  }

  private drawFooter(layer: Container): void {
    const { footer } = this.lay;
    const cy = footer.y + footer.h / 2;
    const line = this.view.status === 'ended' ? null : costLine(this.view);
    let costLeft = footer.x + footer.w;
    if (line) {
      const t = this.text(0, 0, line, { size: this.fs(12.5), color: COLORS.ink });
      if (t.width > footer.w - this.px(30)) t.setText(costLine(this.view, true) ?? line);
      this.fit(t, footer.w - this.px(30));
      const w = t.width + this.px(30);
      const h = t.height + this.px(10);
      const x = footer.x + footer.w - w;
      const g = this.add.graphics();
      g.fillStyle(COLORS.paper, 1);
      g.fillRoundedRect(x, cy - h / 2, w, h, h / 2);
      g.lineStyle(1, COLORS.hairline, 1);
      g.strokeRoundedRect(x, cy - h / 2, w, h, h / 2);
      // A small clock face: time is running.
      const cx = x + this.px(14);
      g.lineStyle(Math.max(1.2, this.px(1.5)), COLORS.news, 1);
      g.strokeCircle(cx, cy, this.px(5.5));
      g.lineBetween(cx, cy, cx, cy - this.px(3.5));
      g.lineBetween(cx, cy, cx + this.px(2.5), cy);
      t.setPosition(x + this.px(24), cy - t.height / 2);
      layer.add([g, t]);
      costLeft = x;
    }

    // Legend, when there is room beside the cost line.
    const items: Array<{ draw: (g: Graphics, x: number) => void; label: string }> = [
      {
        label: tableWords().legend.accepted,
        draw: (g, x) => {
          g.fillStyle(COLORS.inkSoft, 1);
          g.fillCircle(x, cy, this.px(4.5));
        },
      },
      {
        label: tableWords().legend.conditional,
        draw: (g, x) => {
          g.lineStyle(Math.max(1.5, this.px(2)), COLORS.inkSoft, 1);
          g.strokeCircle(x, cy, this.px(3.8));
        },
      },
      {
        label: tableWords().legend.rejected,
        draw: (g, x) => {
          const a = this.px(3.5);
          g.lineStyle(Math.max(1.5, this.px(2)), COLORS.rejected, 1);
          g.lineBetween(x - a, cy - a, x + a, cy + a);
          g.lineBetween(x - a, cy + a, x + a, cy - a);
        },
      },
      {
        label: tableWords().legend.signed,
        draw: (g, x) => {
          g.fillStyle(COLORS.signed, 1);
          g.fillCircle(x, cy, this.px(5));
        },
      },
    ];
    const texts = items.map((item) =>
      this.text(0, 0, item.label, { size: this.fs(11.5), color: COLORS.inkSoft }),
    );
    const gap = this.px(16);
    const needed = texts.reduce((sum, t) => sum + this.px(12) + t.width + gap, 0);
    if (footer.x + this.px(6) + needed > costLeft) {
      for (const t of texts) t.destroy();
      return;
    }
    const g = this.add.graphics();
    let x = footer.x + this.px(6);
    items.forEach((item, i) => {
      const t = texts[i];
      if (!t) return;
      item.draw(g, x);
      t.setPosition(x + this.px(10), cy - t.height / 2);
      x += this.px(12) + t.width + gap;
    });
    layer.add([g, ...texts]);
  }

  // ---------------------------------------------------------------- animations

  private play(effect: TableEffect, delay: number): void {
    switch (effect.kind) {
      case 'flip':
        for (const id of effect.packages) this.later(delay, () => this.flipCard(id));
        return;
      case 'fly':
        this.later(delay, () => this.flyDot(effect.party, effect.package, effect.conditional));
        return;
      case 'shake':
        this.later(delay, () => this.shakeCard(effect.package));
        return;
      case 'fade-dot':
        this.later(delay, () => this.fadeDot(effect.party, effect.package));
        return;
      case 'bubble':
        this.later(delay, () => this.bubble(effect.party, effect.title, effect.body));
        return;
      case 'pen':
        this.later(delay, () => this.penStroke(effect.party));
        return;
      case 'banner':
        this.inBannerLane(4600, (hold) => this.newsBanner(effect.kicker, effect.title, effect.body, hold));
        return;
      case 'title-card':
        this.inBannerLane(2400, (hold) => this.titleCard(effect.kicker, effect.title, effect.subtitle, hold));
        return;
      case 'final':
        this.inBannerLane(7000, (hold) =>
          this.titleCard(tableWords().closed, effect.title, effect.body, hold, true),
        );
        return;
    }
  }

  /** Banners wait their turn so a news item never covers a meeting's title card. */
  private inBannerLane(hold: number, show: (hold: number) => void): void {
    const h = this.ms(hold);
    const total = h + this.ms(250) * 2;
    const now = this.time.now;
    const start = Math.max(now, this.bannerFreeAt);
    this.bannerFreeAt = start + total;
    this.later(start - now, () => show(h));
  }

  private flipCard(id: string): void {
    const card = this.cards.get(id);
    if (!card?.container.active) return;
    const c = card.container;
    if (this.motion === 'full') {
      this.tweenStatic({
        targets: c,
        scaleX: { from: 1, to: 0.02 },
        duration: 140,
        ease: 'Quad.easeIn',
        yoyo: true,
      });
    }
    const flash = this.add.graphics();
    flash.fillStyle(COLORS.paper, 0.9);
    const { rect } = card;
    flash.fillRoundedRect(rect.x, rect.y, rect.w, rect.h, this.px(10));
    this.overlay?.add(flash);
    this.tweenOverlay({
      targets: flash,
      alpha: { from: 0.95, to: 0 },
      delay: this.motion === 'full' ? 140 : 0,
      duration: this.ms(600),
      ease: 'Quad.easeOut',
      onComplete: () => flash.destroy(),
    });
  }

  private flyDot(party: string, pkg: string, conditional: boolean): void {
    const card = this.cards.get(pkg);
    const seat = this.seats.get(party);
    const target = card?.dots.get(party);
    if (!card || !seat || !target) return;
    const pop = () => {
      if (!target.obj.active) return;
      this.tweenStatic({
        targets: target.obj,
        scale: { from: 0, to: 1 },
        duration: this.ms(260),
        ease: 'Back.easeOut',
      });
    };
    if (this.motion !== 'full') {
      pop();
      return;
    }
    const color = this.partyColor(party);
    const dot = this.add.graphics({ x: seat.x, y: seat.y });
    const r = this.px(7);
    dot.fillStyle(color, 0.25);
    dot.fillCircle(0, 0, r * 1.9);
    if (conditional) {
      dot.fillStyle(COLORS.paper, 1);
      dot.fillCircle(0, 0, r);
      dot.lineStyle(this.px(2.5), color, 1);
      dot.strokeCircle(0, 0, r - this.px(1));
    } else {
      dot.fillStyle(color, 1);
      dot.fillCircle(0, 0, r);
      dot.lineStyle(this.px(1.5), COLORS.paper, 1);
      dot.strokeCircle(0, 0, r);
    }
    this.overlay?.add(dot);
    const from = { x: seat.x, y: seat.y };
    const to = target.at;
    // A gentle arc: the control point lifts toward the table's centre.
    const ctrl = {
      x: (from.x + to.x) / 2 + (this.lay.table.cx - (from.x + to.x) / 2) * 0.3,
      y: Math.min(from.y, to.y) - this.px(40),
    };
    this.tweenOverlay({
      targets: { t: 0 },
      t: 1,
      duration: 700,
      ease: 'Cubic.easeInOut',
      onUpdate: (tween) => {
        const t = clamp(tween.progress, 0, 1);
        const e = t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
        const u = 1 - e;
        dot.setPosition(
          u * u * from.x + 2 * u * e * ctrl.x + e * e * to.x,
          u * u * from.y + 2 * u * e * ctrl.y + e * e * to.y,
        );
        dot.setScale(1 - 0.3 * e);
      },
      onComplete: () => {
        dot.destroy();
        pop();
      },
    });
  }

  /** A lapsed acceptance: the party's dot is already gone from the card; a ghost of it fades where it was. */
  private fadeDot(party: string, pkg: string): void {
    const spot = this.cards.get(pkg)?.dots.get(party);
    if (!spot || !this.overlay) return;
    const ghost = this.add.graphics({ x: spot.at.x, y: spot.at.y });
    ghost.fillStyle(this.partyColor(party), 1);
    ghost.fillCircle(0, 0, this.px(5.5));
    this.overlay.add(ghost);
    this.tweenOverlay({
      targets: ghost,
      alpha: 0,
      scale: this.motion === 'full' ? 1.8 : 1,
      duration: this.ms(700),
      ease: 'Quad.easeOut',
      onComplete: () => ghost.destroy(),
    });
  }

  private shakeCard(id: string): void {
    const card = this.cards.get(id);
    if (!card?.container.active) return;
    const c = card.container;
    if (this.motion === 'full') {
      const x0 = c.x;
      this.tweenStatic({
        targets: c,
        x: x0 + this.px(6),
        duration: 55,
        ease: 'Sine.easeInOut',
        yoyo: true,
        repeat: 3,
        onComplete: () => c.setX(x0),
      });
    }
    const { rect } = card;
    const edge = this.add.graphics();
    edge.lineStyle(this.px(3), COLORS.rejected, 1);
    edge.strokeRoundedRect(
      rect.x - this.px(2),
      rect.y - this.px(2),
      rect.w + this.px(4),
      rect.h + this.px(4),
      this.px(11),
    );
    this.overlay?.add(edge);
    this.tweenOverlay({
      targets: edge,
      alpha: { from: 1, to: 0 },
      delay: this.ms(300),
      duration: this.ms(700),
      onComplete: () => edge.destroy(),
    });
  }

  private bubble(party: string, title: string, body: string): void {
    const seat = this.seats.get(party);
    if (!seat || !this.overlay) return;
    this.bubbles.get(party)?.destroy();
    const color = this.partyColor(party);
    const maxW = clamp(this.cssW * 0.3, this.px(170), this.px(250));
    const tt = this.text(0, 0, `${partyName(this.view, party)} · ${title}`.toUpperCase(), {
      size: this.fs(10.5),
      bold: true,
      color: mix(color, COLORS.ink, 0.25),
      spacing: this.px(0.6),
    });
    this.fit(tt, maxW);
    const bt = this.text(0, 0, body, { size: this.fs(13), color: COLORS.ink, wrap: maxW });
    const padX = this.px(12);
    const padY = this.px(9);
    const w = Math.max(tt.width, bt.width) + 2 * padX;
    const h = tt.height + bt.height + 2 * padY + this.px(3);
    const bounds = {
      x: this.lay.pad,
      y: this.lay.pad,
      w: this.cssW - 2 * this.lay.pad,
      h: this.cssH - 2 * this.lay.pad,
    };
    const spot = bubbleSpot(seat, this.lay.seatRadius + this.px(4), { w, h }, bounds, {
      x: this.lay.table.cx,
      y: this.lay.table.cy,
    });
    const box = this.add.container(spot.x, spot.y);
    const g = this.add.graphics();
    const radius = this.px(10);
    g.fillStyle(COLORS.shadow, 0.16);
    g.fillRoundedRect(0, this.px(3), w, h, radius);
    g.fillStyle(COLORS.paper, 1);
    g.fillRoundedRect(0, 0, w, h, radius);
    g.lineStyle(Math.max(1.5, this.px(2)), color, 1);
    g.strokeRoundedRect(0, 0, w, h, radius);
    const tx = clamp(seat.x - spot.x, radius + this.px(8), w - radius - this.px(8));
    const tail = this.px(9);
    if (spot.tail === 'down') {
      g.fillStyle(COLORS.paper, 1);
      g.fillTriangle(tx - tail, h - 1, tx + tail, h - 1, tx, h + tail);
      g.lineBetween(tx - tail, h, tx, h + tail);
      g.lineBetween(tx + tail, h, tx, h + tail);
    } else {
      g.fillStyle(COLORS.paper, 1);
      g.fillTriangle(tx - tail, 1, tx + tail, 1, tx, -tail);
      g.lineBetween(tx - tail, 0, tx, -tail);
      g.lineBetween(tx + tail, 0, tx, -tail);
    }
    tt.setPosition(padX, padY);
    bt.setPosition(padX, padY + tt.height + this.px(3));
    box.add([g, tt, bt]);
    this.overlay.add(box);
    this.bubbles.set(party, box);
    const rise = this.motion === 'full' ? this.px(8) : 0;
    box.setAlpha(0);
    box.y += spot.tail === 'down' ? rise : -rise;
    this.tweenOverlay({
      targets: box,
      alpha: 1,
      y: spot.y,
      duration: this.ms(220),
      ease: 'Quad.easeOut',
    });
    this.later(this.ms(3200), () => {
      if (!box.active) return;
      this.tweenOverlay({
        targets: box,
        alpha: 0,
        duration: this.ms(350),
        onComplete: () => {
          if (this.bubbles.get(party) === box) this.bubbles.delete(party);
          box.destroy();
        },
      });
    });
  }

  private penStroke(party: string): void {
    const seat = this.seats.get(party);
    if (!seat || !this.overlay) return;
    const badge = this.badges.get(party);
    const pop = () => {
      if (!badge?.active) return;
      this.tweenStatic({
        targets: badge,
        scale: { from: 0.2, to: 1 },
        duration: this.ms(300),
        ease: 'Back.easeOut',
      });
    };
    if (this.motion !== 'full') {
      pop();
      return;
    }
    badge?.setScale(0);
    const g = this.add.graphics();
    this.overlay.add(g);
    const r = this.lay.seatRadius;
    const w = this.px(58);
    const x0 = seat.x - w / 2;
    const y0 = seat.y - r - this.px(18);
    const steps = 48;
    // A signature: a few loops drifting right, drawn as the tween advances.
    const pointAt = (i: number): Point => {
      const t = i / steps;
      return {
        x: x0 + t * w + Math.sin(t * Math.PI * 6) * this.px(4),
        y: y0 - Math.cos(t * Math.PI * 6) * this.px(6) * (1 - t * 0.4) + t * this.px(4),
      };
    };
    this.tweenOverlay({
      targets: { t: 0 },
      t: 1,
      duration: 750,
      onUpdate: (tween) => {
        const upto = Math.round(clamp(tween.progress, 0, 1) * steps);
        g.clear();
        g.lineStyle(this.px(2.2), COLORS.ink, 1);
        g.beginPath();
        const p0 = pointAt(0);
        g.moveTo(p0.x, p0.y);
        for (let i = 1; i <= upto; i++) {
          const p = pointAt(i);
          g.lineTo(p.x, p.y);
        }
        g.strokePath();
      },
      onComplete: () => {
        pop();
        this.tweenOverlay({ targets: g, alpha: 0, delay: 500, duration: 400, onComplete: () => g.destroy() });
      },
    });
  }

  private panel(
    width: number,
    lines: Text[],
    gap: number,
    pad: { x: number; y: number; centred: boolean },
    accent: number | null,
  ): Container {
    const padX = pad.x;
    const padY = pad.y;
    const h = lines.reduce((sum, t) => sum + t.height, 0) + gap * (lines.length - 1) + 2 * padY;
    const box = this.add.container(0, 0);
    const g = this.add.graphics();
    const radius = this.px(14);
    g.fillStyle(COLORS.shadow, 0.25);
    g.fillRoundedRect(0, this.px(5), width, h, radius);
    g.fillStyle(COLORS.banner, 0.96);
    g.fillRoundedRect(0, 0, width, h, radius);
    if (accent !== null) {
      g.fillStyle(accent, 1);
      g.fillRoundedRect(0, 0, this.px(6), h, { tl: radius, bl: radius, tr: 0, br: 0 });
    }
    box.add(g);
    let y = padY;
    for (const t of lines) {
      t.setY(y);
      if (!pad.centred) t.setX(padX);
      y += t.height + gap;
      box.add(t);
    }
    box.setSize(width, h);
    return box;
  }

  private newsBanner(kicker: string, title: string, body: string, hold: number): void {
    if (!this.overlay) return;
    const width = Math.min(this.px(600), this.cssW - 2 * this.lay.pad);
    const inner = width - this.px(46);
    const k = this.text(0, 0, kicker.toUpperCase(), {
      size: this.fs(10.5),
      bold: true,
      color: COLORS.news,
      spacing: this.px(1.2),
    });
    const t = this.text(0, 0, title, { size: this.fs(17), bold: true, color: COLORS.bannerInk, wrap: inner });
    const b = this.text(0, 0, body, { size: this.fs(13), color: COLORS.bannerMuted, wrap: inner });
    const box = this.panel(
      width,
      [k, t, b],
      this.px(4),
      { x: this.px(24), y: this.px(14), centred: false },
      COLORS.news,
    );
    // Over the header and calendar, which can wait a few seconds, rather than over the seats and cards.
    box.setPosition((this.cssW - width) / 2, this.lay.pad);
    this.showThenHide(box, hold, -this.px(10));
  }

  private titleCard(kicker: string, title: string, subtitle: string, hold: number, final = false): void {
    if (!this.overlay) return;
    const width = Math.min(this.px(final ? 520 : 460), this.cssW - 2 * this.lay.pad);
    const inner = width - this.px(48);
    const center = (t: Text) => t.setX((width - t.width) / 2);
    const k = this.text(0, 0, kicker.toUpperCase(), {
      size: this.fs(11),
      bold: true,
      color: final ? COLORS.agreed : COLORS.bannerMuted,
      spacing: this.px(1.6),
      align: 'center',
    });
    const t = this.text(0, 0, title, {
      size: this.fs(final ? 28 : 32),
      bold: true,
      serif: true,
      color: COLORS.bannerInk,
      align: 'center',
      wrap: inner,
    });
    const s = this.text(0, 0, subtitle, {
      size: this.fs(13.5),
      color: COLORS.bannerMuted,
      align: 'center',
      wrap: inner,
    });
    for (const x of [k, t, s]) center(x);
    const box = this.panel(
      width,
      [k, t, s],
      this.px(8),
      { x: this.px(24), y: this.px(22), centred: true },
      null,
    );
    const { table } = this.lay;
    box.setPosition(table.cx - width / 2, table.cy - box.height / 2);
    this.showThenHide(box, hold, this.px(8));
  }

  private showThenHide(box: Container, hold: number, rise: number): void {
    if (!this.overlay) return;
    this.overlay.add(box);
    const y = box.y;
    box.setAlpha(0);
    if (this.motion === 'full') box.y = y + rise;
    this.tweenOverlay({ targets: box, alpha: 1, y, duration: this.ms(260), ease: 'Quad.easeOut' });
    this.later(this.ms(260) + hold, () => {
      if (!box.active) return;
      this.tweenOverlay({ targets: box, alpha: 0, duration: this.ms(300), onComplete: () => box.destroy() });
    });
  }
}
