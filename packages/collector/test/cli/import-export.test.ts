import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/services.ts';
import { EmbeddedStore } from '../../src/store/embedded.ts';
import { runHark } from '../support/cli.ts';

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hark-cli-'));
  env = { HARK_DATA_DIR: join(dir, 'data'), HARK_LOG_LEVEL: 'silent' };
  const store = new EmbeddedStore({ dataDir: env.HARK_DATA_DIR });
  const services = await createServices(store);
  await services.sites.create({ key: 'shop', name: 'Shop', allowedOrigins: ['https://shop.example.com'] });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = [
  'Date,Score,Feedback,Email,Page',
  '2025-03-01T10:00:00Z,9,"Love it, really",a@example.com,https://shop.example.com/',
  '2025-03-02T11:00:00Z,3,"Checkout crashed twice",b@example.com,https://shop.example.com/checkout',
  '2025-03-03T12:00:00Z,eleven,"bad score",c@example.com,https://shop.example.com/',
  '2025-03-04T12:00:00Z,6,,d@example.com,https://shop.example.com/cart',
].join('\n');

describe('hark CLI', () => {
  it('prints help and exits 0; an unknown command exits 2', async () => {
    const help = await runHark(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/import <file> --site KEY/);
    const bad = await runHark(['frobnicate'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('imports an NPS CSV from another tool with column mapping, reporting the bad row by line', async () => {
    const file = join(dir, 'nps-export.csv');
    writeFileSync(file, CSV);
    const args = ['import', file, '--site', 'shop', '--map', 'score=Score', '--map', 'comment=Feedback', '--map', 'url=Page', '--map', 'receivedAt=Date', '--map', 'userId=Email'];
    const first = await runHark(args, env);
    expect(first.stdout).toMatch(/4 rows read: 3 imported, 0 already there, 1 rejected/);
    expect(first.stdout).toMatch(/line 4: score: .*number/);
    expect(first.code).toBe(1);

    // Re-running adds nothing twice.
    const second = await runHark(args, env);
    expect(second.stdout).toMatch(/4 rows read: 0 imported, 3 already there, 1 rejected/);

    const out = await runHark(['export', '--site', 'shop', '--format', 'jsonl'], env);
    expect(out.code).toBe(0);
    const rows = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    const crash = rows.find((r) => r.comment === 'Checkout crashed twice');
    expect(crash).toMatchObject({ score: 3, type: 'nps', surveyId: 'import-nps', source: 'import', receivedAt: '2025-03-02T11:00:00.000Z', context: { url: 'https://shop.example.com/checkout' }, user: { id: 'b@example.com' } });
  });

  it('imports JSONL in the wire format and exports CSV to a file', async () => {
    const file = join(dir, 'past.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ type: 'nps', score: 10, comment: 'Great', locale: 'fr', context: { url: 'https://shop.example.com/a' } }),
        '{not json',
        JSON.stringify({ type: 'nps', score: 2, comment: 'Trop cher', locale: 'fr', context: { url: 'https://shop.example.com/pricing' } }),
      ].join('\n'),
    );
    const r = await runHark(['import', file, '--site', 'shop'], env);
    expect(r.stdout).toMatch(/3 rows read: 2 imported, 0 already there, 1 rejected/);
    expect(r.stdout).toMatch(/line 2: not valid JSON/);
    const csvFile = join(dir, 'out.csv');
    const e = await runHark(['export', '--site', 'shop', '--format', 'csv', '--out', csvFile], env);
    expect(e.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(csvFile, 'utf8').trim().split('\n')).toHaveLength(6);
  });

  it('gives actionable errors with exit codes', async () => {
    const noSite = await runHark(['import', join(dir, 'past.jsonl')], env);
    expect(noSite.code).toBe(2);
    expect(noSite.stderr).toMatch(/--site KEY is required/);
    const missing = await runHark(['import', join(dir, 'nope.csv'), '--site', 'shop'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const unknownSite = await runHark(['import', join(dir, 'past.jsonl'), '--site', 'ghost'], env);
    expect(unknownSite.code).toBe(1);
    expect(unknownSite.stderr).toMatch(/site "ghost" does not exist/);
    const badMap = await runHark(['import', join(dir, 'past.jsonl'), '--site', 'shop', '--map', 'colour=X'], env);
    expect(badMap.code).toBe(2);
    const badEnv = await runHark(['export', '--site', 'shop'], { ...env, PORT: 'ninety' });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toMatch(/PORT/);
  });
});

describe('hark account create', () => {
  it('creates a dashboard account from the password on stdin, and refuses a weak one', async () => {
    const ok = await runHark(['account', 'create', '--email', 'Ana@Example.com', '--role', 'pm', '--name', 'Ana'], env, 'correct horse battery staple\n');
    expect(ok.stdout).toMatch(/created pm account ana@example\.com/);
    expect(ok.code).toBe(0);
    const weak = await runHark(['account', 'create', '--email', 'bob@example.com', '--role', 'po'], env, 'short\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/password: at least 10 characters/);
    const dup = await runHark(['account', 'create', '--email', 'ana@example.com', '--role', 'po'], env, 'another long password\n');
    expect(dup.code).toBe(1);
  });
});
