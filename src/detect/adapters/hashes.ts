// STIX hash dictionaries (§10.1 hash-algorithm-ov names) from the hex digests logs carry.

/**
 * `fingerprint` is a digest of unknown algorithm (certificate fingerprints, colon-separated or not): its
 * length says which. Returns undefined when no digest is present.
 */
export function hashesOf(d: { md5?: unknown; sha1?: unknown; sha256?: unknown; fingerprint?: unknown }): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  const put = (name: string, v: unknown): void => {
    if (typeof v === 'string' && /^[0-9a-fA-F]+$/.test(v)) out[name] = v.toLowerCase();
  };
  put('MD5', d.md5);
  put('SHA-1', d.sha1);
  put('SHA-256', d.sha256);
  if (typeof d.fingerprint === 'string') {
    const hex = d.fingerprint.replace(/:/g, '');
    const name = hex.length === 32 ? 'MD5' : hex.length === 40 ? 'SHA-1' : hex.length === 64 ? 'SHA-256' : undefined;
    if (name) put(name, hex);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
