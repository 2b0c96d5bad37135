// Lookups by id that never reach Object.prototype: an id such as `constructor` or `toString` is an id like any
// other, so `record[id]` on a plain object would find a prototype member where the id has no entry.

/** The entry for `key` if the record holds one of its own, else undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The entry for `key` in the row for `row` of a two-level record, each looked up as an own key. */
export function ownValue2<T>(
  record: Readonly<Record<string, Readonly<Record<string, T>>>>,
  row: string,
  key: string,
): T | undefined {
  const inner = ownValue(record, row);
  return inner === undefined ? undefined : ownValue(inner, key);
}
