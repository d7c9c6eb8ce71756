#!/usr/bin/env node
// Browser tests drive Debian's Chromium through playwright-core: Playwright's own
// browser download needs hosts this project cannot reach, so we install the distro
// package instead and fail loudly when that is impossible (tests must never skip).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM_PATH = process.env.HARK_CHROMIUM || '/usr/bin/chromium';

function run(cmd) {
  console.log(`[ensure-chromium] $ ${cmd}`);
  const r = spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? '' : 'sudo ';
  run(`${sudo}apt-get update`) && run(`${sudo}apt-get install -y --no-install-recommends chromium fonts-dejavu-core`);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH} and 'apt-get install chromium' did not provide it. ` +
        `Install Debian's chromium package (or set HARK_CHROMIUM to a Chromium binary) to run the browser tests.`,
    );
  }
  return CHROMIUM_PATH;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  try {
    const path = ensureChromium();
    const v = spawnSync(path, ['--version'], { encoding: 'utf8' });
    console.log(`[ensure-chromium] ok: ${path} ${(v.stdout || '').trim()}`);
  } catch (err) {
    console.error(`[ensure-chromium] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
