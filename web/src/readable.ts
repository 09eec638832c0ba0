// ATT&CK descriptions as people read them: Markdown links become their text, citation markers are dropped.
export function readable(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((?:https?:\/\/[^)]+)\)/g, '$1')
    .replace(/\(Citation:[^)]*\)/g, '')
    // Excerpts cut a link or a citation short.
    .replace(/\]\(https?:[^)]*$/, ']')
    .replace(/\(Citation:[^)]*$/, '')
    .replace(/\[([^\]]*)\]?$/, '$1')
    .replace(/\[([^\]]+)\](?!\()/g, '$1')
    .replace(/<code>(.*?)<\/code>/g, '$1')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}
