/**
 * Statement templates: text with `{{name}}` placeholders and nothing else — no expressions, no
 * loops, no HTML. A logic-less engine (mustache) would add HTML escaping and its own truthiness
 * rules to plain text that is hashed and signed; conditional paragraphs are the definition's
 * `showIf` conditions instead, which the validator already checks. So the renderer is this one
 * replacement over values the caller has already formatted.
 */
const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)?)\s*\}\}/g;

/** Every `{{…}}` in the text, well-formed or not (a malformed one is reported by the validator, never filled). */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((match) => match[1].trim());
}

/** Fills each placeholder from `values`; one without a value becomes `fallback`. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>, fallback: string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? fallback);
}
