import { TrustError } from '../errors';

// Go's time.Time JSON form (notary-v1.md §2.1): RFC 3339 with optional fraction and Z or ±hh:mm.
// V8's Date.parse accepts far more (e.g. a space instead of "T"), so the grammar is checked first.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** Parses an RFC 3339 timestamp to epoch milliseconds (fraction below 1 ms dropped, which is safe for
 * "expired = expires < now" with a millisecond clock). */
export function parseRfc3339(text: string, what: string): number {
  const m = RFC3339.exec(text);
  const fail = (): never => {
    throw new TrustError('MALFORMED_METADATA', `${what} is not an RFC 3339 date`, {
      details: { field: what },
    });
  };
  if (m === null) return fail();
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59)
    fail();
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  if (offsetHours > 23 || offsetMinutes > 59) fail();
  const sign = m[8]?.startsWith('-') ? -1 : 1;
  const fractionMs = m[7] === undefined ? 0 : Number(m[7].slice(1, 4).padEnd(3, '0'));
  const local = Date.UTC(year, month - 1, day, hour, minute, second) + fractionMs;
  return local - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}
