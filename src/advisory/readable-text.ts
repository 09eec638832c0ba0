// Prose from STIX text fields made readable out of its source: ATT&CK's citation markers and Markdown links go.

const CITATION = /\s*\(Citation:[^)]*\)/g;
const MARKDOWN_LINK = /\[([^\]]+)\]\((?:https?:\/\/[^)\s]+)\)/g;

/** The text without ATT&CK `(Citation: …)` markers, with `[name](url)` links reduced to their names, trimmed. */
export function readableText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(CITATION, '').replace(MARKDOWN_LINK, '$1').trim();
}

/** `command-and-control` → `Command and Control`: kill-chain phase names as ATT&CK prints its tactics. */
export function phaseLabel(phase: string): string {
  return phase.split('-')
    .map((word, i) => (i > 0 && ['and', 'or', 'of', 'the'].includes(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
