// `hark tag`: JSONL in (the dev-set format), the same lines out with an added `tags` object.
// Lines keep their order; a bad line is reported on stderr with its line number and skipped,
// the others are still tagged, and the exit code is non-zero at the end.
//   tsx packages/collector/src/cli/tag.ts < responses.jsonl > tagged.jsonl
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { TagInput } from '../triage/tagger.ts';
import { tagResponseWithLlm } from '../triage/llm-tagger.ts';

function checkInput(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected a JSON object';
  const o = v as Record<string, unknown>;
  if (typeof o.type !== 'string') return 'missing "type"';
  if (o.comment !== undefined && o.comment !== null && typeof o.comment !== 'string') return '"comment" must be a string';
  if (o.score !== undefined && o.score !== null && typeof o.score !== 'number') return '"score" must be a number';
  if (o.context !== undefined && (typeof o.context !== 'object' || o.context === null)) return '"context" must be an object';
  return null;
}

export async function runTag(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      bad++;
      err.write(`hark tag: line ${lineNo}: invalid JSON (${(e as Error).message})\n`);
      continue;
    }
    const problem = checkInput(obj);
    if (problem) {
      bad++;
      err.write(`hark tag: line ${lineNo}: ${problem}\n`);
      continue;
    }
    let out: string;
    try {
      // The local tagger, refined by the optional model when HARK_TAGGER_LLM_URL is set (local on any failure).
      const tags = await tagResponseWithLlm(obj as TagInput);
      out = JSON.stringify({ ...(obj as object), tags });
    } catch (e) {
      bad++;
      err.write(`hark tag: line ${lineNo}: tagging failed (${(e as Error).message})\n`);
      continue;
    }
    if (!output.write(out + '\n')) await once(output, 'drain');
  }
  if (bad) err.write(`hark tag: ${bad} of ${lineNo} line(s) could not be tagged\n`);
  return bad ? 1 : 0;
}

// Runnable directly for checks: `tsx src/cli/tag.ts < file.jsonl`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runTag(process.stdin, process.stdout, process.stderr).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`hark tag: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
