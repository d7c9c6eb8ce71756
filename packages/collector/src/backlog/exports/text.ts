// The story as text for issue trackers: Markdown (GitHub, Linear) and Jira wiki markup.
import type { Story } from '@hark/shared';
import { criterionLines, criterionParts } from '../acceptance-criteria.ts';

const L = {
  en: { story: 'User story', criteria: 'Acceptance criteria', evidence: 'Customer evidence', repro: 'How to reproduce', priority: 'Priority', term: 'term', value: 'value', weight: 'weight', points: 'points', responses: 'responses', users: 'unique users', accounts: 'accounts', nps: 'NPS categories', confidence: 'confidence', escalated: 'Escalated to the strategic track', source: 'From Hark', devices: 'Devices' },
  fr: { story: 'Récit utilisateur', criteria: 'Critères d’acceptation', evidence: 'Preuves clients', repro: 'Reproduire', priority: 'Priorité', term: 'terme', value: 'valeur', weight: 'poids', points: 'points', responses: 'réponses', users: 'utilisateurs uniques', accounts: 'comptes', nps: 'catégories NPS', confidence: 'confiance', escalated: 'Remonté au niveau stratégique', source: 'Depuis Hark', devices: 'Appareils' },
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function counts(s: Story): string {
  const l = L[s.language];
  const c = s.evidence.npsCategories;
  return `${s.evidence.responses} ${l.responses}, ${s.evidence.uniqueUsers} ${l.users}, ${s.evidence.accounts} ${l.accounts}; ${l.nps}: ${c.detractor} detractors, ${c.passive} passives, ${c.promoter} promoters`;
}

/** Markdown; customer quotes are blockquoted with Markdown-active characters neutralised. */
export function storyMarkdown(s: Story): string {
  const l = L[s.language];
  const md = (t: string) => oneLine(t).replace(/([\\`*_{}[\]<>#|])/g, '\\$1').replace(/@/g, '@\u200b');
  const out: string[] = [`## ${l.story}`, '', md(s.text), '', `## ${l.criteria}`, ''];
  for (const c of s.acceptanceCriteria) {
    const [g, w, t] = criterionParts(c, s.language).map(([k, x]) => `**${k}** ${md(x)}`);
    out.push(`- [ ] ${g}  `, `  ${w}  `, `  ${t}`);
  }
  if (s.reproduction) {
    out.push('', `## ${l.repro}`, '');
    s.reproduction.steps.forEach((st, i) => out.push(`${i + 1}. ${md(st)}`));
    if (s.reproduction.selector) out.push('', `Selector: \`${s.reproduction.selector.replace(/`/g, '')}\``);
    if (s.reproduction.devices.length) out.push('', `${l.devices}: ${md(s.reproduction.devices.join(', '))}`);
  }
  out.push('', `## ${l.evidence}`, '', md(counts(s)), '');
  for (const q of s.evidence.quotes) {
    if (!q.quote) continue;
    const meta = [q.score !== undefined ? `score ${q.score}` : '', q.npsCategory ?? '', q.device ?? '', q.receivedAt.slice(0, 10), `response ${q.responseId}`].filter(Boolean).join(' · ');
    out.push(`> ${md(q.quote)}`, `> — ${md(meta)}`, '');
  }
  out.push(`## ${l.priority}: ${s.priority.score} (${s.priority.level}, ${l.confidence} ${s.priority.confidence})`, '', `| ${l.term} | ${l.value} | ${l.weight} | ${l.points} |`, '|---|---:|---:|---:|');
  for (const t of s.priority.terms) out.push(`| ${t.name} | ${t.value ?? '—'} | ${t.weight} | ${t.contribution} |`);
  if (s.escalation) out.push('', `**${l.escalated}**: ${md(s.escalation.note)}`);
  out.push('', `_${l.source}: story ${s.id}, site ${s.siteKey}_`);
  return out.join('\n');
}

/** Jira wiki markup (what Jira's CSV importer puts in Description). */
export function storyJira(s: Story): string {
  const l = L[s.language];
  // Jira markup characters in customer text are escaped; {quote} blocks hold the quotes.
  const jr = (t: string) => oneLine(t).replace(/([{}[\]|*_+^~?#-])/g, '\\$1');
  const out: string[] = [`h3. ${l.story}`, jr(s.text), '', `h3. ${l.criteria}`];
  for (const c of s.acceptanceCriteria) {
    const [g, w, t] = criterionLines(c, s.language).map(jr);
    out.push(`* ${g}`, `** ${w}`, `** ${t}`);
  }
  if (s.reproduction) {
    out.push('', `h3. ${l.repro}`);
    for (const st of s.reproduction.steps) out.push(`# ${jr(st)}`);
    if (s.reproduction.selector) out.push(`{{${s.reproduction.selector.replace(/[{}]/g, '')}}}`);
    if (s.reproduction.devices.length) out.push(`${l.devices}: ${jr(s.reproduction.devices.join(', '))}`);
  }
  out.push('', `h3. ${l.evidence}`, jr(counts(s)));
  for (const q of s.evidence.quotes) {
    if (!q.quote) continue;
    out.push(`{quote}${jr(q.quote)}{quote}`, `_${jr([q.score !== undefined ? `score ${q.score}` : '', q.device ?? '', q.receivedAt.slice(0, 10), `response ${q.responseId}`].filter(Boolean).join(' · '))}_`);
  }
  out.push('', `h3. ${l.priority}: ${s.priority.score} (${s.priority.level}, ${l.confidence} ${s.priority.confidence})`, `||${l.term}||${l.value}||${l.weight}||${l.points}||`);
  for (const t of s.priority.terms) out.push(`|${t.name}|${t.value ?? '-'}|${t.weight}|${t.contribution}|`);
  if (s.escalation) out.push('', `*${l.escalated}*: ${jr(s.escalation.note)}`);
  out.push('', `_${l.source}: story ${s.id}, site ${s.siteKey}_`);
  return out.join('\n');
}
