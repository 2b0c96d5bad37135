// An open-addressing hash table from integer keys below 2^53 to dense indices: the merges' hot path, without Map's overhead.

export class KeyTable {
  private slots: Int32Array;
  private mask: number;
  /** Keys in insertion order; a key's index is its position here. */
  keys: Float64Array;
  size = 0;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.keys = new Float64Array(Math.max(8, expected));
  }

  private slotOf(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let slot = h & this.mask;
    for (;;) {
      const at = this.slots[slot]!;
      if (at < 0 || this.keys[at] === key) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The key's index, or −1. */
  get(key: number): number {
    return this.slots[this.slotOf(key)]!;
  }

  /** The key's index, inserting it (as index `size`) when new; `added` then tells which happened. */
  add(key: number): number {
    let slot = this.slotOf(key);
    const at = this.slots[slot]!;
    if (at >= 0) {
      this.added = false;
      return at;
    }
    if ((this.size + 1) * 2 > this.slots.length) {
      this.grow();
      slot = this.slotOf(key);
    }
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    const index = this.size++;
    this.keys[index] = key;
    this.slots[slot] = index;
    this.added = true;
    return index;
  }

  /** Whether the last `add` inserted a new key. */
  added = false;

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.slots = slots;
    this.mask = slots.length - 1;
    for (let i = 0; i < this.size; i++) this.slots[this.slotOf(this.keys[i]!)] = i;
  }
}

/** The same for rows of `width` integers (when packing a row into one number could overflow 2^53). */
export class RowTable {
  private slots: Int32Array;
  private mask: number;
  /** Rows in insertion order, `width` integers each; a row's index is its position here. */
  rows: Int32Array;
  size = 0;
  /** Whether the last `add` inserted a new row. */
  added = false;

  constructor(
    readonly width: number,
    expected = 16,
  ) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.rows = new Int32Array(Math.max(8, expected) * width);
  }

  private hash(row: ArrayLike<number>, at: number): number {
    let h = 0x811c9dc5;
    for (let j = 0; j < this.width; j++) h = Math.imul(h ^ row[at + j]!, 0x01000193) ^ (h >>> 15);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (h ^ (h >>> 13)) & this.mask;
  }

  private slotOf(row: ArrayLike<number>, at: number): number {
    const w = this.width;
    let slot = this.hash(row, at);
    for (;;) {
      const index = this.slots[slot]!;
      if (index < 0) return slot;
      let same = true;
      for (let j = 0; j < w && same; j++) same = this.rows[index * w + j] === row[at + j];
      if (same) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The row's index, inserting a copy (as index `size`) when new; `added` then tells which happened. */
  add(row: ArrayLike<number>): number {
    let slot = this.slotOf(row, 0);
    const index = this.slots[slot]!;
    if (index >= 0) {
      this.added = false;
      return index;
    }
    if ((this.size + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      this.mask = this.slots.length - 1;
      for (let i = 0; i < this.size; i++) this.slots[this.slotOf(this.rows, i * this.width)] = i;
      slot = this.slotOf(row, 0);
    }
    if ((this.size + 1) * this.width > this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    for (let j = 0; j < this.width; j++) this.rows[this.size * this.width + j] = row[j]!;
    this.slots[slot] = this.size;
    this.added = true;
    return this.size++;
  }
}
