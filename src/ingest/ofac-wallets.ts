// Converts OFAC SDN digital-currency addresses into wallet observables and indicators attributed to their SDN entry.
// Wallets are the `cryptocurrency-wallet` SCO of cryptocurrency-wallet.ts; indicators match the address with
// `[cryptocurrency-wallet:value = '…']`.
import { LAZARUS_GROUP } from './attack-groups.ts';
import { WALLET_EXTENSION_DEFINITION, WALLET_TYPE, walletObject } from './cryptocurrency-wallet.ts';
import { deterministicId } from './deterministic-id.ts';
import { jsonElementLines } from './json-element-lines.ts';
import { MalformedLineError } from './malformed-line-error.ts';
import { patternLiteral } from './pattern-literal.ts';
import { OFAC_IDENTITY, TOCSIN_IDENTITY } from './source-identities.ts';
import { SourceFormatError } from './source-format-error.ts';
import { sdoHeader, type Conversion, type StixObject } from './stix-object.ts';

export interface OfacWalletOptions {
  file: string;
  /** Keeps records with a program equal to this tag or a numbered/suffixed form of it (`DPRK` → DPRK3, DPRK-NKSPEA). */
  program?: string;
  /** RFC 3339 date of the SDN snapshot; defaults to the file's `snapshot` date. */
  date?: string;
  /**
   * SDN entry names (upper case) whose wallets indicate an existing object instead of a new identity.
   * Defaults to LAZARUS GROUP → the ATT&CK Lazarus Group intrusion set.
   */
  entityTargets?: Record<string, string>;
}

interface AddressRecord {
  entNum: number;
  name: string;
  sdnType: string | null;
  programs: string[];
  currency: string;
  address: string;
}

const SDN_REFERENCE = { source_name: 'OFAC SDN', url: 'https://sanctionssearch.ofac.treas.gov/' };

function programMatches(programs: readonly string[], tag: string): boolean {
  const want = tag.toUpperCase();
  return programs.some((p) => {
    const have = p.toUpperCase();
    return have === want || (have.startsWith(want) && /^[0-9-]/.test(have.slice(want.length)));
  });
}

function readRecord(raw: unknown): AddressRecord | string {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const r = raw as Record<string, unknown>;
  if (typeof r.ent_num !== 'number' || !Number.isInteger(r.ent_num)) return 'ent_num is not an integer';
  if (typeof r.name !== 'string' || r.name.trim() === '') return 'name is missing';
  if (!Array.isArray(r.programs) || !r.programs.every((p) => typeof p === 'string')) return 'programs is not a list of strings';
  if (typeof r.currency !== 'string' || !/^[A-Z0-9]{2,10}$/.test(r.currency)) return 'currency is not a currency code';
  if (typeof r.address !== 'string' || !/^[A-Za-z0-9:_-]{10,128}$/.test(r.address)) return 'address is not 10-128 letters and digits (cut short?)';
  if (r.sdn_type !== undefined && r.sdn_type !== null && typeof r.sdn_type !== 'string') return 'sdn_type is not a string';
  return {
    entNum: r.ent_num,
    name: r.name.trim(),
    sdnType: typeof r.sdn_type === 'string' ? r.sdn_type : null,
    programs: r.programs as string[],
    currency: r.currency,
    address: r.address,
  };
}

function identityClass(sdnType: string | null): string {
  if (sdnType === 'individual') return 'individual';
  // The legacy CSV leaves the type empty (`-0-`) for entities: organisations, companies, groups.
  return sdnType === null || sdnType === '-0-' ? 'organization' : 'unknown';
}

/**
 * Converts the address file (`{ snapshot, addresses: [...] }` as derived from sdn.csv, or a bare array of the
 * same records): the OFAC identity and the wallet type's definition; per SDN entry an identity (unless it is mapped to an existing object);
 * per listed (currency, address) a wallet SCO `related-to` the entry; per address an indicator that
 * `indicates` a mapped intrusion set or is `related-to` the entry's identity (STIX 2.1 allows `indicates`
 * only towards threat objects, §4.7, so an identity is linked by the generic relationship).
 */
export function convertOfacWallets(text: string, options: OfacWalletOptions): Conversion {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new SourceFormatError(options.file, `not JSON: ${(err as Error).message}`);
  }
  const wrapped = !Array.isArray(doc);
  const records = wrapped ? (doc as { addresses?: unknown }).addresses : doc;
  if (!Array.isArray(records)) throw new SourceFormatError(options.file, 'no "addresses" array');
  const snapshot = wrapped ? (doc as { snapshot?: unknown }).snapshot : undefined;
  const date =
    options.date ??
    (typeof snapshot === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(snapshot) ? `${snapshot}T00:00:00.000Z` : undefined);
  if (date === undefined) throw new SourceFormatError(options.file, 'no snapshot date in the file; give the date explicitly');
  const targets = options.entityTargets ?? { 'LAZARUS GROUP': LAZARUS_GROUP.stixId };
  const lines = jsonElementLines(text, wrapped ? 2 : 1);

  const skipped: MalformedLineError[] = [];
  const kept: AddressRecord[] = [];
  records.forEach((raw, i) => {
    // Records outside the program filter are not wanted, so their defects are not reported either.
    const programs = (raw as { programs?: unknown } | null)?.programs;
    const readablePrograms = Array.isArray(programs) && programs.every((p) => typeof p === 'string');
    if (options.program !== undefined && readablePrograms && !programMatches(programs as string[], options.program)) return;
    const record = readRecord(raw);
    if (typeof record === 'string') {
      skipped.push(new MalformedLineError(options.file, lines[i] ?? 1, JSON.stringify(raw) ?? '', `addresses[${i}]: ${record}`));
    } else if (options.program === undefined || programMatches(record.programs, options.program)) {
      kept.push(record);
    }
  });

  const objects: StixObject[] = [OFAC_IDENTITY, TOCSIN_IDENTITY, WALLET_EXTENSION_DEFINITION];
  const entities = new Map<number, { target: string; record: AddressRecord; viaIdentity: boolean }>();
  for (const record of kept) {
    if (entities.has(record.entNum)) continue;
    const mapped = targets[record.name.toUpperCase()];
    const target = mapped ?? deterministicId('identity', 'ofac-sdn', String(record.entNum));
    entities.set(record.entNum, { target, record, viaIdentity: mapped === undefined });
    if (mapped === undefined) {
      objects.push({
        ...sdoHeader('identity', target, OFAC_IDENTITY.id, date),
        name: record.name,
        description: `OFAC SDN entry ${record.entNum}, sanctions programs ${record.programs.join(', ')}.`,
        identity_class: identityClass(record.sdnType),
        external_references: [{ ...SDN_REFERENCE, external_id: String(record.entNum) }],
      });
    }
  }

  const byAddress = new Map<string, AddressRecord[]>();
  for (const record of kept) byAddress.set(record.address, [...(byAddress.get(record.address) ?? []), record]);
  const walletsEmitted = new Set<string>();
  const walletLinks = new Set<string>();
  for (const [address, listings] of byAddress) {
    const indicatorId = deterministicId('indicator', 'ofac-sdn', address);
    const currencies = [...new Set(listings.map((l) => l.currency))];
    const entNums = [...new Set(listings.map((l) => l.entNum))];
    const names = entNums.map((n) => entities.get(n)!.record.name);
    objects.push({
      ...sdoHeader('indicator', indicatorId, OFAC_IDENTITY.id, date),
      name: address,
      description: `Digital currency address (${currencies.join(', ')}) listed by OFAC for SDN ${names.join('; ')}.`,
      indicator_types: ['attribution'],
      pattern: `[${WALLET_TYPE}:value = ${patternLiteral(address)}]`,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: date,
      external_references: entNums.map((n) => ({ ...SDN_REFERENCE, external_id: String(n) })),
    });
    for (const entNum of entNums) {
      const { target, viaIdentity } = entities.get(entNum)!;
      const type = viaIdentity ? 'related-to' : 'indicates';
      objects.push({
        ...sdoHeader('relationship', deterministicId('relationship', 'ofac-sdn', address, type, target), OFAC_IDENTITY.id, date),
        relationship_type: type,
        description: `OFAC lists this address for SDN entry ${entNum}.`,
        source_ref: indicatorId,
        target_ref: target,
      });
    }
    for (const listing of listings) {
      const wallet = walletObject(listing.currency, address);
      const link = `${wallet.id} ${listing.entNum}`;
      if (walletLinks.has(link)) continue;
      walletLinks.add(link);
      if (!walletsEmitted.has(wallet.id)) objects.push(wallet);
      walletsEmitted.add(wallet.id);
      const target = entities.get(listing.entNum)!.target;
      objects.push({
        ...sdoHeader('relationship', deterministicId('relationship', 'ofac-sdn', wallet.id, 'related-to', target), OFAC_IDENTITY.id, date),
        relationship_type: 'related-to',
        description: `OFAC lists this ${listing.currency} address for SDN entry ${listing.entNum}.`,
        source_ref: wallet.id,
        target_ref: target,
      });
    }
  }
  return { objects, skipped };
}
