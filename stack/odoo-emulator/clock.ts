// The emulator's clock. Normally real time; tests can freeze it at a given instant
// (the contract test replays the recording at the recorded times) or shift it.

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** "YYYY-MM-DD HH:MM:SS.ffffff" in UTC, the form Odoo keeps in its cache and webhooks. */
export type TOdooTimestamp = string;

export class Clock {
  private frozen: TOdooTimestamp | null = null;
  private offsetMs = 0;

  now(): TOdooTimestamp {
    if (this.frozen) return this.frozen;
    const millis = Date.now() + this.offsetMs;
    // Microseconds from the high-resolution timer keep consecutive writes distinct.
    const micros = Math.floor((performance.now() % 1) * 1000);

    return formatTimestamp(new Date(millis), micros);
  }

  freeze(at: TOdooTimestamp | null): void {
    this.frozen = at ? normaliseTimestamp(at) : null;
  }

  shift(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  state() {
    return { frozenAt: this.frozen, offsetMs: this.offsetMs, now: this.now() };
  }
}

export function formatTimestamp(date: Date, extraMicros = 0): TOdooTimestamp {
  const micros = date.getUTCMilliseconds() * 1000 + extraMicros;

  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(micros, 6)}`;
}

/** Accepts "YYYY-MM-DD[ T]HH:MM:SS[.ffffff][Z]" or a date; returns the canonical form. */
export function normaliseTimestamp(value: string): TOdooTimestamp {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?)?Z?$/.exec(value.trim());
  if (!match) throw new Error(`not a timestamp: ${value}`);

  return `${match[1]} ${match[2] ?? "00:00:00"}.${(match[3] ?? "").padEnd(6, "0")}`;
}

/** Whole seconds since the epoch of an Odoo timestamp (Odoo compares datetimes per second). */
export function toEpochSeconds(value: TOdooTimestamp): number {
  return Math.floor(Date.parse(`${normaliseTimestamp(value).slice(0, 19).replace(" ", "T")}Z`) / 1000);
}

/** What RPC `read` shows: no microseconds. */
export const toReadFormat = (value: TOdooTimestamp) => value.slice(0, 19);
