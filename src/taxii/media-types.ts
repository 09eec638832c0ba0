// TAXII 2.1 §1.6.8 media types and the content negotiation over them.

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

interface MediaRange {
  type: string;
  version: string | undefined;
}

function parseRanges(header: string): MediaRange[] {
  return header.split(',').map((part) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim());
    let version: string | undefined;
    for (const param of params) {
      const eq = param.indexOf('=');
      if (eq > 0 && param.slice(0, eq).trim().toLowerCase() === 'version') version = param.slice(eq + 1).trim().replace(/^"|"$/g, '');
    }
    return { type: type.toLowerCase(), version };
  });
}

/** `application/taxii+json` with no version (the latest) or version 2.1, as §1.6.8.2 defines. */
function isTaxii21(range: MediaRange): boolean {
  return range.type === 'application/taxii+json' && (range.version === undefined || range.version === '2.1');
}

/**
 * True when the Accept header admits a TAXII 2.1 response. §3.1: every request MUST carry a TAXII media
 * range; the strict reading answers requests that carry none (even `*\/*`) with 406.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  return accept !== undefined && parseRanges(accept).some(isTaxii21);
}

/** True when a request body's Content-Type is TAXII 2.1. */
export function isTaxiiContent(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [range] = parseRanges(contentType);
  return range !== undefined && isTaxii21(range);
}
