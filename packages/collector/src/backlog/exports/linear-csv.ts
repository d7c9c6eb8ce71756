// Linear CSV import: Title, Description (Markdown), Priority (Urgent, High,
// Medium, Low), Status, Labels (comma-separated in one cell).
import type { Story } from '@hark/shared';
import { toCsv } from '../../csv/csv-cell.ts';
import { storyMarkdown } from './text.ts';

export const LINEAR_COLUMNS = ['Title', 'Description', 'Priority', 'Status', 'Labels'];

const PRIORITY: Record<Story['priority']['level'], string> = { Highest: 'Urgent', High: 'High', Medium: 'Medium', Low: 'Low', Lowest: 'Low' };
const STATUS: Record<Story['status'], string> = { draft: 'Backlog', ready: 'Todo', exported: 'Todo', done: 'Done', merged: 'Duplicate' };

export function linearCsv(stories: Story[]): string {
  return toCsv(
    LINEAR_COLUMNS,
    stories.map((s) => [s.title, storyMarkdown(s), PRIORITY[s.priority.level], STATUS[s.status], s.labels.join(',')]),
  );
}
