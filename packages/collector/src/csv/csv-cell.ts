import { stringify } from 'csv-stringify/sync';

// Spreadsheet apps run cells starting with these as formulas (CSV/formula injection):
// a customer's words must never do that. The cell is prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r|]/;

export function safeCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** RFC 4180 CSV (quoted as needed, CRLF), every cell made formula-safe. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows.map((r) => r.map(safeCell))], { record_delimiter: 'windows' });
}
