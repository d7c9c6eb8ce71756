import { afterAll, beforeAll } from 'vitest';
import { MongoStore } from '../../src/store/mongo.ts';
import { startTestMongo, uniqueDbName, type TestMongo } from '../support/mongo-server.ts';
import { storeContract } from './contract.ts';

let mongo: TestMongo;
beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo?.stop();
});

const real = Boolean(process.env.MONGODB_URI);
storeContract(
  real ? 'mongodb adapter on MONGODB_URI (real MongoDB)' : 'mongodb adapter on the in-process wire server',
  () => MongoStore.connect(mongo.uri, uniqueDbName(), { timeoutMs: 3000 }),
  { realMongo: real, mongo: true },
);
