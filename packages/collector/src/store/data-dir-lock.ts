import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {}

/**
 * The embedded store is one process's files: a second process appending to the
 * same files would corrupt them. The lock names the holder so the message says
 * what to stop; a lock left by a killed process is taken over.
 */
export interface DataDirLock {
  (): void;
  /** The previous holder died without releasing the lock (kill -9, power loss): derived data may need repair. */
  uncleanStop: boolean;
}

export function lockDataDir(dir: string, holder: string): DataDirLock {
  // A fresh clone has no data directory yet: the first start makes it.
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'LOCK');
  let uncleanStop = false;
  try {
    const [pidText, who] = readFileSync(file, 'utf8').split('\n');
    const pid = Number(pidText);
    if (pid && pid !== process.pid && alive(pid)) {
      throw new DataDirLockedError(
        `the data directory ${dir} is in use by ${who ?? 'another Hark process'} (pid ${pid}); stop it first, or point HARK_DATA_DIR elsewhere`,
      );
    }
    uncleanStop = Boolean(pid) && pid !== process.pid;
  } catch (err) {
    if (err instanceof DataDirLockedError) throw err;
  }
  writeFileSync(file, `${process.pid}\n${holder}\n`);
  return Object.assign(() => rmSync(file, { force: true }), { uncleanStop });
}
