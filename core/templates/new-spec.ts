import { getTemplate, type TemplateId } from './index.js';

/** Markdown for a fresh spec: front matter, a title and every template section with its hint as a comment. */
export function newSpecMarkdown(templateId: TemplateId, title: string, date: string): string {
  const template = getTemplate(templateId);
  const lines = ['---', `title: ${title}`, 'status: draft', `date: ${date}`, `template: ${templateId}`, '---', '', `# ${title}`, ''];
  for (const section of template.sections) {
    lines.push(`## ${section.title}`, '', `<!-- ${section.hint.replace(/\n/g, ' ')} -->`, '');
  }
  return lines.join('\n');
}
