import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/store/embedded.ts';
import { storeContract } from './contract.ts';

storeContract('embedded (in memory)', async () => new EmbeddedStore(), { realMongo: false });

const dir = mkdtempSync(join(tmpdir(), 'hark-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
storeContract('embedded (on disk)', async () => new EmbeddedStore({ dataDir: dir }), { realMongo: false });

describe('embedded store persistence', () => {
  it('finds acknowledged documents again after a restart', async () => {
    const d = mkdtempSync(join(tmpdir(), 'hark-persist-'));
    const spec = { name: 'things', key: (x: { id: string; at?: Date }) => x.id };
    const a = new EmbeddedStore({ dataDir: d });
    const col = await a.collection(spec);
    await Promise.all(Array.from({ length: 100 }, (_, i) => col.insertOne({ id: `t${i}`, at: new Date(1000 * i) })));
    await col.updateOne({ id: 't5' }, { $set: { seen: true } });
    await a.close();
    const b = new EmbeddedStore({ dataDir: d });
    const again = await b.collection(spec);
    expect(await again.count({})).toBe(100);
    expect(await again.findOne({ id: 't5' })).toMatchObject({ seen: true, at: new Date(5000) });
    expect(await again.insertOne({ id: 't7' })).toBe('duplicate');
    await b.close();
    rmSync(d, { recursive: true, force: true });
  });
});
