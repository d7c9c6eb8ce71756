import { spawn, type ChildProcess } from 'node:child_process';
import { HARK_BIN } from './cli.ts';

export interface ChildHark {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `hark <command>` as a real process and resolves once it prints its URL. */
export function startChildHark(command: 'serve' | 'start', env: Record<string, string>): Promise<ChildHark> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HARK_BIN, command], {
      env: { ...process.env, PORT: '0', HARK_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const timer = setTimeout(() => reject(new Error(`hark ${command} did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hark ${command} exited with ${code}:\n${out}`));
    });
  });
}
