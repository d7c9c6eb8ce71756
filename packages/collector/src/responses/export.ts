import { stringify } from 'csv-stringify/sync';
import type { StoredResponse } from '@hark/shared';
import type { Doc } from '../store/port.ts';
import { toApiResponse } from './serialize.ts';
import { safeCell } from '../csv/csv-cell.ts';

export type ExportFormat = 'csv' | 'jsonl';

/** Flat columns for spreadsheets; JSONL keeps everything. */
const CSV_COLUMNS: [string, (r: StoredResponse) => unknown][] = [
  ['id', (r) => r.id],
  ['site', (r) => r.siteKey],
  ['survey', (r) => r.surveyId],
  ['type', (r) => r.type],
  ['score', (r) => r.score],
  ['comment', (r) => r.comment],
  ['locale', (r) => r.locale],
  ['url', (r) => r.context.url],
  ['element', (r) => r.context.element],
  ['feature', (r) => r.context.feature],
  ['user_id', (r) => r.user?.id],
  ['received_at', (r) => r.receivedAt],
  ['device', (r) => r.device?.type],
  ['language', (r) => r.tags?.language],
  ['kind', (r) => r.tags?.kind],
  ['track', (r) => r.tags?.track],
  ['sentiment', (r) => r.tags?.sentiment.label],
  ['nps_category', (r) => r.tags?.npsCategory],
  ['themes', (r) => (r.tags?.themes ?? []).join('; ')],
];


export function csvHeader(): string {
  return stringify([CSV_COLUMNS.map(([name]) => name)]);
}

export function csvRow(doc: Doc): string {
  const r = toApiResponse(doc);
  return stringify([CSV_COLUMNS.map(([, get]) => safeCell(get(r)))]);
}

export function jsonlRow(doc: Doc): string {
  return `${JSON.stringify(toApiResponse(doc))}\n`;
}

/** Chunks of the export, one row at a time, so memory stays flat however many responses there are. */
export async function* exportChunks(docs: AsyncIterable<Doc>, format: ExportFormat): AsyncGenerator<string> {
  if (format === 'csv') yield csvHeader();
  for await (const d of docs) yield format === 'csv' ? csvRow(d) : jsonlRow(d);
}
