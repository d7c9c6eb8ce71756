// GitHub Issues: a Markdown body per story, and a POSIX shell script that creates
// the labels and issues with the GitHub CLI (`gh issue create --title … --body-file …`).
// Every value is single-quoted; bodies are written by quoted here-documents whose
// delimiter is checked not to occur in the body, so nothing in a customer's words
// is ever interpreted by the shell.
import { createHash } from 'node:crypto';
import type { Story } from '@hark/shared';
import { storyMarkdown } from './text.ts';

export interface GithubIssue {
  storyId: string;
  title: string;
  labels: string[];
  body: string;
  bodyFile: string;
}

/** 'it'\''s' — safe for any byte except NUL, which is removed. */
export function shellQuote(s: string): string {
  return `'${s.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}

export function githubIssues(stories: Story[]): GithubIssue[] {
  return stories.map((s) => ({
    storyId: s.id,
    title: s.title.replace(/[\r\n]+/g, ' '),
    labels: s.labels,
    body: storyMarkdown(s),
    bodyFile: `${s.id.replace(/[^A-Za-z0-9_-]/g, '_')}.md`,
  }));
}

function heredocDelimiter(body: string, seed: string): string {
  let d = `HARK_BODY_${createHash('sha256').update(seed).digest('hex').slice(0, 12)}`;
  while (body.split('\n').includes(d)) d += 'X';
  return d;
}

export function ghScript(issues: GithubIssue[]): string {
  const labels = [...new Set(issues.flatMap((i) => i.labels))];
  const lines = [
    '#!/bin/sh',
    `# Creates ${issues.length} GitHub issue(s) from Hark stories with the GitHub CLI (https://cli.github.com).`,
    '# Usage: sh hark-issues.sh [OWNER/REPO]   (default: the repository of the current directory)',
    'set -eu',
    'if [ "$#" -gt 0 ]; then set -- --repo "$1"; fi',
    'dir=$(mktemp -d)',
    "trap 'rm -rf \"$dir\"' EXIT",
    '',
    '# Labels (created or updated, so --label below cannot fail)',
    ...labels.map((l) => `gh label create ${shellQuote(l)} --force "$@" >/dev/null`),
    '',
  ];
  for (const i of issues) {
    const delim = heredocDelimiter(i.body, i.storyId);
    lines.push(
      `# ${i.storyId}`,
      `cat > "$dir/${i.bodyFile}" <<'${delim}'`,
      i.body.replace(/\0/g, ''),
      delim,
      `gh issue create --title ${shellQuote(i.title)} --body-file "$dir/${i.bodyFile}"${i.labels.map((l) => ` --label ${shellQuote(l)}`).join('')} "$@"`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
