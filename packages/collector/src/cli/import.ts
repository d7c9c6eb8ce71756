import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SiteKey, SurveyId, SurveyKind, type ResponseInput } from '@hark/shared';
import type { Env } from '../config/env.ts';
import { HttpError } from '../http/errors.ts';
import { IMPORT_FIELDS, type ColumnMap, type ImportField, readRows, toInput } from '../import/import-rows.ts';
import { UsageError } from './main.ts';
import { openServices } from './open-services.ts';

const BATCH = 50;

export interface ImportReport {
  read: number;
  imported: number;
  duplicates: number;
  rejected: { line: number; errors: string[] }[];
}

function parseMap(values: string[]): ColumnMap {
  const map: ColumnMap = {};
  for (const v of values) {
    const m = /^([A-Za-z]+)=(.+)$/.exec(v);
    if (!m || !(IMPORT_FIELDS as readonly string[]).includes(m[1]!)) {
      throw new UsageError(`--map "${v}": expected FIELD=COLUMN with FIELD one of ${IMPORT_FIELDS.join(', ')}`);
    }
    map[m[1] as ImportField] = m[2]!;
  }
  return map;
}

export async function runImport(argv: string[], env: Env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      site: { type: 'string' },
      survey: { type: 'string' },
      type: { type: 'string', default: 'nps' },
      map: { type: 'string', multiple: true, default: [] },
      locale: { type: 'string', default: 'en' },
      url: { type: 'string', default: 'https://imported.invalid/' },
      delimiter: { type: 'string', default: ',' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('missing the file to import: hark import <file.csv|file.jsonl> --site KEY');
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const site = SiteKey.safeParse(values.site);
  if (!site.success) throw new UsageError('--site KEY is required (the site the responses belong to)');
  const type = SurveyKind.safeParse(values.type);
  if (!type.success) throw new UsageError(`--type must be one of ${SurveyKind.options.join(', ')}`);
  const surveyId = values.survey ?? `import-${type.data}`;
  if (!SurveyId.safeParse(surveyId).success) throw new UsageError(`--survey "${surveyId}" is not a valid survey id`);
  const map = parseMap(values.map ?? []);
  const dryRun = values['dry-run'] ?? false;

  const { services, close } = await openServices(env, 'hark import');
  const report: ImportReport = { read: 0, imported: 0, duplicates: 0, rejected: [] };
  try {
    if (!(await services.sites.get(site.data))) {
      console.error(`hark import: site "${site.data}" does not exist; create it first (POST /v1/admin/sites)`);
      return 1;
    }
    const survey = await services.surveys.get(surveyId);
    if (!survey && !dryRun) {
      // Imported answers need a survey to belong to; an archived one never shows in the widget.
      await services.surveys.create(site.data, { id: surveyId, name: `Imported (${type.data})`, kind: type.data, status: 'archived' });
    } else if (survey && survey.siteKey !== site.data) {
      console.error(`hark import: survey "${surveyId}" belongs to site "${survey.siteKey}", not "${site.data}"`);
      return 1;
    }
    let pending: { input: ResponseInput; receivedAt?: Date; line: number }[] = [];
    const flush = async () => {
      if (pending.length === 0 || dryRun) {
        report.imported += dryRun ? pending.length : 0;
        pending = [];
        return;
      }
      try {
        const results = await services.ingest.ingest(
          site.data,
          pending.map((p) => p.input),
          { source: 'import', receivedAt: pending.map((p) => p.receivedAt) },
        );
        for (const r of results) r.duplicate ? report.duplicates++ : report.imported++;
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        // One bad row (e.g. a survey of another kind) must not sink its neighbours: retry them one by one.
        for (const p of pending) {
          try {
            const [r] = await services.ingest.ingest(site.data, [p.input], { source: 'import', receivedAt: [p.receivedAt] });
            r!.duplicate ? report.duplicates++ : report.imported++;
          } catch (e) {
            if (!(e instanceof HttpError)) throw e;
            report.rejected.push({ line: p.line, errors: (e.issues ?? [{ path: '', message: e.message }]).map((i) => `${i.path}: ${i.message}`) });
          }
        }
      }
      pending = [];
    };
    const defaults = { siteKey: site.data, surveyId, type: type.data, locale: values.locale!, url: values.url! };
    for await (const { row, raw, line, error } of readRows(file, values.delimiter)) {
      report.read++;
      if (!row) {
        report.rejected.push({ line, errors: [error ?? 'unreadable'] });
        continue;
      }
      const r = toInput(row, raw, line, map, defaults);
      if (!r.input) report.rejected.push({ line, errors: r.errors ?? [] });
      else pending.push({ input: r.input, receivedAt: r.receivedAt, line });
      if (pending.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    await close();
  }

  const verb = dryRun ? 'valid (dry run, nothing stored)' : 'imported';
  console.log(`${report.read} rows read: ${report.imported} ${verb}, ${report.duplicates} already there, ${report.rejected.length} rejected`);
  for (const r of report.rejected.slice(0, 50)) console.log(`  line ${r.line}: ${r.errors.join('; ')}`);
  if (report.rejected.length > 50) console.log(`  … and ${report.rejected.length - 50} more`);
  return report.rejected.length ? 1 : 0;
}
