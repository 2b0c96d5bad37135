// Settings read from the environment at start; a bad value is a one-line message, never a stack trace.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** PORT: a whole number from 0 to 65535 (0 lets the system pick a free port); 8080 when unset or empty. */
export function parsePort(raw: string | undefined): Parsed<number> {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: 8080 };
  const text = raw.trim();
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535)
    return { ok: false, message: `PORT must be a whole number from 1 to 65535, not ${JSON.stringify(raw)}.` };
  return { ok: true, value: port };
}

/** HOST: the address to listen on; every interface when unset, so devices on the network can reach the game. */
export function parseHost(raw: string | undefined): Parsed<string | undefined> {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: undefined };
  const host = raw.trim();
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host))
    return { ok: false, message: `HOST must be an address or host name, not ${JSON.stringify(raw)}.` };
  return { ok: true, value: host.replace(/^\[(.*)\]$/, '$1') };
}
