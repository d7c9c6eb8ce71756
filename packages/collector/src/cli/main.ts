import { parseArgs } from 'node:util';
import { ConfigError, loadEnv } from '../config/env.ts';
import { DataDirLockedError } from '../store/data-dir-lock.ts';

const HELP = `hark — the Hark collector

Usage: hark <command> [options]

Commands:
  start                 Demo: embedded store, seeds the "demo" site and its surveys on first start
  serve                 Production: reads the environment (MONGODB_URI, HARK_ADMIN_TOKEN, ...)
  import <file> --site KEY
                        Import past responses from .csv or .jsonl (idempotent: re-running adds nothing twice)
      --survey ID         survey to attach them to (default: import-<type>, created if missing)
      --type KIND         nps | exit_intent | feature_feedback | feedback_button (default: nps)
      --map FIELD=COLUMN  column mapping, repeatable; fields: id, surveyId, type, score, comment,
                          locale, url, element, feature, userId, receivedAt
      --locale L          default locale (default: en)   --url URL   default context.url
      --delimiter C       CSV delimiter (default: ,)     --dry-run   validate only, store nothing
  export --site KEY [--format csv|jsonl] [--out FILE]
                        Export responses (stdout unless --out)
  tag                   Tag JSONL responses from stdin to stdout (adds a "tags" object per line)
  retag --site KEY [--restart] [--url URL --token T]
                        Re-run the tagger over stored responses (after a taxonomy change); resumable.
                        With --url, asks a running collector to do it (the embedded store is locked while it runs)
  account create --email E --role R [--name N]
                        Create a dashboard account; the password is read from stdin (or HARK_ACCOUNT_PASSWORD)
  help                  This text

Environment: see the configuration table in README.md (PORT, HOST, HARK_DATA_DIR, MONGODB_URI, ...).
Exit codes: 0 ok, 1 failed or rejected rows, 2 bad usage or configuration.`;

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
      case 'serve': {
        const { runServer } = await import('./serve.ts');
        return await runServer(command === 'start', loadEnv());
      }
      case 'import': {
        const { runImport } = await import('./import.ts');
        return await runImport(rest, loadEnv());
      }
      case 'export': {
        const { runExport } = await import('./export.ts');
        return await runExport(rest, loadEnv());
      }
      case 'retag': {
        const { runRetag } = await import('./retag.ts');
        return await runRetag(rest, loadEnv());
      }
      case 'account': {
        const { runAccount } = await import('./account.ts');
        return await runAccount(rest, loadEnv(), process.stdin);
      }
      case 'tag': {
        const { runTag } = await import('./tag.ts');
        return await runTag(process.stdin, process.stdout, process.stderr);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return 0;
      default:
        console.error(`hark: unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`hark ${command}: ${(err as Error).message}\nRun "hark help" for usage.`);
      return 2;
    }
    if (err instanceof DataDirLockedError) {
      console.error(`hark ${command}: ${err.message}`);
      return 1;
    }
    console.error(`hark ${command}: ${(err as Error).message ?? err}`);
    return 1;
  }
}

export { parseArgs };
