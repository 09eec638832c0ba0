// Splits a mail header address (`"Name" <user@host>` or a bare address) into its parts.

export interface EmailAddress {
  value: string;
  displayName?: string;
}

export function emailAddress(text: string | undefined): EmailAddress | undefined {
  if (text === undefined) return undefined;
  const angle = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(text);
  if (angle) return angle[1] ? { value: angle[2]!, displayName: angle[1] } : { value: angle[2]! };
  const bare = text.trim().replace(/^<|>$/g, '');
  return bare.includes('@') ? { value: bare } : undefined;
}
