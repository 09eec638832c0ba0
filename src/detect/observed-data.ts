// A matching event as STIX: observed-data with its SCOs, ids computed (§2.9) and local references replaced.
import { randomUUID } from 'node:crypto';
import { canonicalJson, computeScoId, uuidV5 } from '../stix/ids.ts';
import type { Sco, TelemetryEvent } from './event.ts';
import { isoTime } from './adapters/zeek-record.ts';

/**
 * The extension-definition src/ingest/cryptocurrency-wallet.ts gives the wallet SCO; its id is fixed by
 * construction (a test keeps the two equal), so detect needs no import from ingest.
 */
export const WALLET_EXTENSION_ID = 'extension-definition--1b87abc1-bffc-4676-a40e-68dcd75beacd';

export interface ObservedDataBundle {
  observedData: Record<string, unknown> & { id: string };
  scos: Sco[];
}

export function observedDataOf(event: TelemetryEvent, createdBy: string, now: string): ObservedDataBundle {
  const ids = new Array<string | undefined>(event.objects.length);
  const scos = new Array<Sco | undefined>(event.objects.length);
  // Objects with references get their ids after the objects they refer to (network-traffic after addresses).
  for (let pass = 0; pass <= event.objects.length && scos.includes(undefined); pass++) {
    event.objects.forEach((o, i) => {
      if (scos[i] !== undefined) return;
      const linked = relink(o, ids);
      if (linked === undefined && pass < event.objects.length) return;
      const sco: Sco = { ...(linked ?? stripRefs(o)), spec_version: '2.1' };
      if (sco.type === 'cryptocurrency-wallet' && sco.extensions === undefined) {
        sco.extensions = { [WALLET_EXTENSION_ID]: { extension_type: 'new-sco' } };
      }
      const id = scoId(sco);
      ids[i] = id;
      scos[i] = { type: sco.type, spec_version: '2.1', id, ...sco };
    });
  }
  const time = isoTime(event.time);
  const observedData = {
    type: 'observed-data',
    spec_version: '2.1',
    id: `observed-data--${randomUUID()}`,
    created_by_ref: createdBy,
    created: now,
    modified: now,
    first_observed: time,
    last_observed: time,
    number_observed: 1,
    object_refs: ids as string[],
  };
  return { observedData, scos: scos as Sco[] };
}

function scoId(sco: Sco): string {
  if (sco.type === 'cryptocurrency-wallet') {
    // Tocsin's wallet SCO: UUIDv5 over {currency, value}, as its extension definition says.
    const name: Record<string, unknown> = { value: sco.value };
    if (sco.currency !== undefined) name.currency = sco.currency;
    return `cryptocurrency-wallet--${uuidV5(canonicalJson(name))}`;
  }
  return computeScoId(sco) ?? `${String(sco.type)}--${randomUUID()}`;
}

/** The object with local references replaced by ids, or undefined while some referred object has none yet. */
function relink(o: Sco, ids: (string | undefined)[]): Sco | undefined {
  let missing = false;
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string' && (key.endsWith('_ref') || key.endsWith('_refs'))) {
      const n = Number(v);
      if (!Number.isInteger(n) || String(n) !== v) return v;
      const id = ids[n];
      if (id === undefined) missing = true;
      return id;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const out = walk(o, '') as Sco;
  return missing ? undefined : out;
}

/** Last resort for reference cycles: the object without its references. */
function stripRefs(o: Sco): Sco {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !k.endsWith('_ref') && !k.endsWith('_refs')));
}
