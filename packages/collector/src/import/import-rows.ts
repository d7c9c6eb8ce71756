import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { ResponseInput, type SurveyKind } from '@hark/shared';
import { issuePath } from '../http/errors.ts';

/** Wire field → source column. Defaults to the wire names themselves. */
export type ColumnMap = Partial<Record<ImportField, string>>;
export const IMPORT_FIELDS = [
  'id',
  'surveyId',
  'type',
  'score',
  'comment',
  'locale',
  'url',
  'element',
  'feature',
  'userId',
  'receivedAt',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportDefaults {
  siteKey: string;
  surveyId: string;
  type: SurveyKind;
  locale: string;
  url: string;
}

export interface ImportRow {
  line: number;
  input?: ResponseInput;
  receivedAt?: Date;
  errors?: string[];
}

/**
 * A response id that is the same every time the same row of the same file is
 * imported, so re-running an import adds nothing twice. Shaped as a UUID v4
 * because that is what the wire format promises.
 */
export function stableId(siteKey: string, raw: string): string {
  const h = createHash('sha256').update(`${siteKey}\n${raw}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function pick(row: Record<string, unknown>, map: ColumnMap, field: ImportField): unknown {
  const col = map[field] ?? field;
  const v = row[col];
  return v === '' ? undefined : v;
}

/** One source row (CSV record or JSON object) → a validated wire response, or the reasons it is not one. */
export function toInput(row: Record<string, unknown>, raw: string, line: number, map: ColumnMap, d: ImportDefaults): ImportRow {
  const nested = (row.context ?? {}) as Record<string, unknown>;
  const scoreRaw = pick(row, map, 'score');
  const score = scoreRaw === undefined ? undefined : typeof scoreRaw === 'number' ? scoreRaw : Number(String(scoreRaw).trim());
  const userId = pick(row, map, 'userId') ?? (row.user as { id?: unknown } | undefined)?.id;
  const candidate: Record<string, unknown> = {
    id: pick(row, map, 'id') ?? stableId(d.siteKey, raw),
    surveyId: pick(row, map, 'surveyId') ?? d.surveyId,
    type: pick(row, map, 'type') ?? d.type,
    score,
    comment: pick(row, map, 'comment'),
    locale: pick(row, map, 'locale') ?? d.locale,
    context: {
      ...nested,
      url: pick(row, map, 'url') ?? nested.url ?? d.url,
      element: pick(row, map, 'element') ?? nested.element,
      feature: pick(row, map, 'feature') ?? nested.feature,
    },
    user: userId !== undefined ? { id: String(userId), ...((row.user as object | undefined) ?? {}) } : undefined,
  };
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k];
  const ctx = candidate.context as Record<string, unknown>;
  for (const k of Object.keys(ctx)) if (ctx[k] === undefined) delete ctx[k];

  const errors: string[] = [];
  let receivedAt: Date | undefined;
  const when = pick(row, map, 'receivedAt');
  if (when !== undefined) {
    receivedAt = new Date(String(when));
    if (Number.isNaN(receivedAt.getTime())) errors.push(`receivedAt: "${String(when)}" is not a date`);
  }
  const parsed = ResponseInput.safeParse(candidate);
  if (!parsed.success) for (const i of parsed.error.issues) errors.push(`${issuePath(i.path)}: ${i.message}`);
  if (errors.length || !parsed.success) return { line, errors };
  return { line, input: parsed.data, receivedAt };
}

/** Reads a .csv, .jsonl or .ndjson file row by row, without loading it whole. */
export async function* readRows(file: string, delimiter = ','): AsyncGenerator<{ row: Record<string, unknown> | null; raw: string; line: number; error?: string }> {
  if (/\.(jsonl|ndjson)$/i.test(file)) {
    const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const text of rl) {
      line++;
      if (!text.trim()) continue;
      try {
        const v = JSON.parse(text) as unknown;
        if (!v || typeof v !== 'object' || Array.isArray(v)) yield { row: null, raw: text, line, error: 'not a JSON object' };
        else yield { row: v as Record<string, unknown>, raw: text, line };
      } catch (e) {
        yield { row: null, raw: text, line, error: `not valid JSON (${(e as Error).message})` };
      }
    }
    return;
  }
  if (!/\.csv$/i.test(file)) throw new Error(`cannot tell the format of ${file}: use a .csv, .jsonl or .ndjson file`);
  const parser = createReadStream(file).pipe(
    parse({ columns: true, bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true, info: true, raw: true }),
  );
  for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number }; raw: string }>) {
    yield { row: rec.record, raw: rec.raw, line: rec.info.lines };
  }
}
