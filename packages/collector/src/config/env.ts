import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every setting Hark reads from the environment. README's configuration table mirrors this. */
export const EnvSchema = z.object({
  PORT: int(0, 65535).default(4600),
  HOST: z.string().min(1).default('127.0.0.1'),
  HARK_DATA_DIR: z.string().min(1).default('./.hark'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DB: z.string().min(1).max(64).default('hark'),
  HARK_ADMIN_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  HARK_RETENTION_DAYS: int(1, 36500).optional(),
  HARK_PUBLIC_URL: z.url().optional(),
  HARK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HARK_BODY_LIMIT_KB: int(1, 10_240).default(64),
  HARK_RATE_SITE_PER_MIN: int(1, 10_000_000).default(60_000),
  HARK_RATE_IP_PER_MIN: int(1, 10_000_000).default(600),
  HARK_TRUST_PROXY: z.string().default('false'),
  HARK_CONFIG_MAX_AGE: int(0, 86_400).default(60),
  HARK_STORE_TIMEOUT_MS: int(100, 60_000).default(3000),
  HARK_DEMO: bool.default(false),
  // Worker threads that tag responses; 0 tags on the event loop. Unset: one per core but one, at most four.
  HARK_TAGGER_THREADS: int(0, 64).optional(),
  // Optional LLM add-on for the tagger (read by triage/llm-tagger.ts); validated here so a typo fails at startup.
  HARK_TAGGER_LLM_URL: z.url().optional(),
  HARK_TAGGER_LLM_KEY: z.string().optional(),
  HARK_TAGGER_LLM_MODEL: z.string().optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

/** Parses the environment once at startup; a bad value stops the process with a message naming it. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Express `trust proxy` accepts booleans, hop counts or address lists. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
