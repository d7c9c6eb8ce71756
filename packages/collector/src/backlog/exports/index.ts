import type { Story, StoryExportFormat } from '@hark/shared';
import { ghScript, githubIssues } from './github.ts';
import { jiraCsv } from './jira-csv.ts';
import { linearCsv } from './linear-csv.ts';

export interface ExportFile {
  contentType: string;
  filename: string;
  body: string;
}

/** One export answer for any format: CSV files, a shell script, or JSON. */
export function exportStories(stories: Story[], format: StoryExportFormat, name: string): ExportFile {
  switch (format) {
    case 'jira':
      return { contentType: 'text/csv; charset=utf-8', filename: `${name}-jira.csv`, body: jiraCsv(stories) };
    case 'linear':
      return { contentType: 'text/csv; charset=utf-8', filename: `${name}-linear.csv`, body: linearCsv(stories) };
    case 'gh-script':
      return { contentType: 'text/x-shellscript; charset=utf-8', filename: `${name}-github-issues.sh`, body: ghScript(githubIssues(stories)) };
    case 'github': {
      const issues = githubIssues(stories);
      return { contentType: 'application/json; charset=utf-8', filename: `${name}-github.json`, body: JSON.stringify({ issues, script: ghScript(issues) }) };
    }
    case 'json':
      return { contentType: 'application/json; charset=utf-8', filename: `${name}.json`, body: JSON.stringify({ items: stories }) };
  }
}
