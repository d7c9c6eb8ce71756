import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import type { Env } from '../config/env.ts';
import { accountServices } from '../auth/sessions.ts';
import { AccountCreate } from '../auth/users.ts';
import { HttpError } from '../http/errors.ts';
import { UsageError } from './main.ts';
import { openServices } from './open-services.ts';

/**
 * `hark account create --email E --role R [--name N]`, the password read from stdin
 * (or HARK_ACCOUNT_PASSWORD) so it never lands in shell history: the way to make the
 * first dashboard account without going through the API.
 */
export async function runAccount(argv: string[], env: Env, stdin: NodeJS.ReadableStream): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create') throw new UsageError('usage: hark account create --email E --role admin|pm|po|viewer [--name N] < password');
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  const password = (process.env.HARK_ACCOUNT_PASSWORD ?? (await text(stdin))).replace(/\r?\n$/, '');
  const input = AccountCreate.safeParse({ email: values.email, role: values.role, name: values.name, password });
  if (!input.success) throw new UsageError(input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  const { services, close } = await openServices(env, 'hark account');
  try {
    const { accounts } = await accountServices(services.store, services.tokens);
    const created = await accounts.create(input.data);
    console.log(`created ${created.role} account ${created.email} (${created.id})`);
    return 0;
  } catch (err) {
    if (err instanceof HttpError) {
      console.error(`hark account: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await close();
  }
}
