// Jira CSV (File → Import → CSV): Summary, Description, Issue Type, Priority, and
// one Labels column per label (Jira's importer maps repeated "Labels" columns to
// several labels; a label may not contain spaces).
import type { Story } from '@hark/shared';
import { toCsv } from '../../csv/csv-cell.ts';
import { storyJira } from './text.ts';

export const JIRA_COLUMNS = ['Summary', 'Description', 'Issue Type', 'Priority', 'Labels'] as const;

export const jiraIssueType = (s: Story) => (s.kind === 'bug' ? 'Bug' : 'Story');

export function jiraCsv(stories: Story[]): string {
  const maxLabels = Math.max(1, ...stories.map((s) => s.labels.length));
  const header = ['Summary', 'Description', 'Issue Type', 'Priority', ...Array<string>(maxLabels).fill('Labels')];
  const rows = stories.map((s) => {
    const labels = s.labels.map((l) => l.replace(/\s+/g, '-'));
    return [s.title, storyJira(s), jiraIssueType(s), s.priority.level, ...labels, ...Array<string>(maxLabels - labels.length).fill('')];
  });
  return toCsv(header, rows);
}
