/**
 * Lawyer-edited template text: paragraphs separated by blank lines, "# " starts a heading, and
 * {{placeholders}} are filled from case data. Unknown placeholders stay visible so a lawyer
 * notices them in the draft instead of getting silently empty text.
 */

export type TemplateBlock = { kind: 'heading' | 'paragraph'; text: string; marker?: string };

/** "1.", "가.", "(1)", "(가)", "①", "-" at the start of a paragraph: typeset with a hanging indent. */
const LIST_MARKER = /^((?:\d{1,3}|[가-하]|[A-Za-z]|[ivx]{1,4})\.|\((?:\d{1,3}|[가-하]|[a-z])\)|[①-⑳]|[-•·])\s+/;

export function fillPlaceholders(text: string, values: Record<string, string>): string {
  // Keys may be dotted (`category.member.count`): see lib/pdf/README.md for the list.
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (match, key: string) => values[key] ?? match);
}

export function parseTemplate(text: string, values: Record<string, string> = {}): TemplateBlock[] {
  return fillPlaceholders(text, values)
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block): TemplateBlock => {
      if (block.startsWith('# ')) return { kind: 'heading', text: block.slice(2).trim() };
      const joined = block.replace(/\s*\n\s*/g, ' ');
      const marker = LIST_MARKER.exec(joined)?.[0];
      return marker ? { kind: 'paragraph', text: joined, marker } : { kind: 'paragraph', text: joined };
    });
}
