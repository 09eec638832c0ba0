// Only web and file-transfer addresses become links: a reference could carry `javascript:` or `data:` URLs.

const LINKABLE = /^(https?|ftp):\/\//i;

/** The address if it is safe to make a link of, else null (the renderer shows it as text). */
export function safeUrl(url: string | null): string | null {
  return url !== null && LINKABLE.test(url.trim()) ? url.trim() : null;
}
