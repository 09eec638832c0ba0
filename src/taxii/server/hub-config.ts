// The hub's configuration: one YAML or JSON file, with flags and environment variables over it.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { CollectionConfig, ViewFilter } from '../../access/model.ts';
import { TLP_LEVELS, type TlpLevel } from '../../stix/tlp.ts';

export interface ApiRootConfig {
  /** URL path segment: the root is served at `/{path}/`. */
  path: string;
  title: string;
  description?: string;
  /** TAXII 2.1 §4.2.1 max_content_length, in bytes. */
  maxContentLength: number;
}

/** A collection declared in the configuration file, with the grants it starts with. */
export interface ConfiguredCollection extends CollectionConfig {
  grants: { principal: string; read: boolean; write: boolean }[];
}

export interface HubConfig {
  title: string;
  description?: string;
  contact?: string;
  listen: { host: string; port: number };
  tls: { cert: string; key: string } | null;
  /** Serve plain HTTP on a non-loopback address (a warning is logged). */
  allowPlainHttp: boolean;
  apiRoots: ApiRootConfig[];
  defaultApiRoot: string | null;
  collections: ConfiguredCollection[];
  /** Largest page a client may ask for; larger `limit`s are served this many (§3.4 allows it). */
  maxPageSize: number;
}

export class ConfigError extends Error {
  constructor(readonly source: string, message: string) {
    super(`${source}: ${message}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_PORT = 9473;
const DEFAULT_MAX_CONTENT = 10 * 1024 * 1024;

export function defaultConfig(): HubConfig {
  return {
    title: 'Tocsin TAXII hub',
    listen: { host: '127.0.0.1', port: DEFAULT_PORT },
    tls: null,
    allowPlainHttp: false,
    apiRoots: [{ path: 'demo', title: 'Tocsin demo', description: 'The bundled demo feed and what partners add to it', maxContentLength: DEFAULT_MAX_CONTENT }],
    defaultApiRoot: 'demo',
    collections: [],
    maxPageSize: 1000,
  };
}

/** Overrides from the command line or environment; undefined leaves the file's value. */
export interface ConfigOverrides {
  listen?: string;
  tlsCert?: string;
  tlsKey?: string;
  allowPlainHttp?: boolean;
}

export function loadConfig(file: string | undefined, overrides: ConfigOverrides = {}): HubConfig {
  const config = file === undefined ? defaultConfig() : fromFile(file);
  if (overrides.listen !== undefined) config.listen = parseListen(overrides.listen, overrides.listen === '' ? 'listen' : '--listen');
  if (overrides.tlsCert !== undefined || overrides.tlsKey !== undefined) {
    if (!overrides.tlsCert || !overrides.tlsKey) throw new ConfigError('TLS', 'both a certificate and a key are needed');
    config.tls = { cert: overrides.tlsCert, key: overrides.tlsKey };
  }
  if (overrides.allowPlainHttp) config.allowPlainHttp = true;
  return config;
}

export function parseListen(value: string, source: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65535) throw new ConfigError(source, `listen address ${JSON.stringify(value)} is not HOST:PORT`);
  return { host: match[1] ?? match[2]!, port };
}

function fromFile(file: string): HubConfig {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ConfigError(file, `cannot read the configuration: ${(err as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, 'the configuration must be a mapping');
  const r = raw as Record<string, unknown>;
  const config = defaultConfig();
  const str = (key: string, value: unknown): string => {
    if (typeof value !== 'string' || value === '') throw new ConfigError(file, `${key} must be a non-empty string`);
    return value;
  };
  if (r.title !== undefined) config.title = str('title', r.title);
  if (r.description !== undefined) config.description = str('description', r.description);
  if (r.contact !== undefined) config.contact = str('contact', r.contact);
  if (r.listen !== undefined) config.listen = parseListen(str('listen', r.listen), file);
  if (r.tls !== undefined && r.tls !== null) {
    const tls = r.tls as Record<string, unknown>;
    config.tls = { cert: str('tls.cert', tls.cert), key: str('tls.key', tls.key) };
  }
  if (r.allow_plain_http !== undefined) config.allowPlainHttp = r.allow_plain_http === true;
  if (r.max_page_size !== undefined) config.maxPageSize = positive(file, 'max_page_size', r.max_page_size);
  if (r.api_roots !== undefined) {
    if (!Array.isArray(r.api_roots) || r.api_roots.length === 0) throw new ConfigError(file, 'api_roots must be a non-empty list');
    config.apiRoots = r.api_roots.map((root: Record<string, unknown>, i) => {
      const path = str(`api_roots[${i}].path`, root.path);
      if (!/^[A-Za-z0-9._-]+$/.test(path) || path === 'taxii2') {
        throw new ConfigError(file, `api_roots[${i}].path ${JSON.stringify(path)} must be one URL segment of letters, digits, . _ - (not taxii2)`);
      }
      return {
        path,
        title: str(`api_roots[${i}].title`, root.title ?? path),
        ...(root.description !== undefined ? { description: str(`api_roots[${i}].description`, root.description) } : {}),
        maxContentLength: root.max_content_length === undefined ? DEFAULT_MAX_CONTENT : positive(file, `api_roots[${i}].max_content_length`, root.max_content_length),
      };
    });
    config.defaultApiRoot = config.apiRoots[0]!.path;
  }
  if (r.default_api_root !== undefined) {
    const root = str('default_api_root', r.default_api_root);
    if (!config.apiRoots.some((a) => a.path === root)) throw new ConfigError(file, `default_api_root ${root} is not among api_roots`);
    config.defaultApiRoot = root;
  }
  if (r.collections !== undefined) {
    if (!Array.isArray(r.collections)) throw new ConfigError(file, 'collections must be a list');
    config.collections = r.collections.map((c: Record<string, unknown>, i) => collectionOf(file, `collections[${i}]`, c, config));
  }
  return config;
}

function positive(file: string, key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) throw new ConfigError(file, `${key} must be a positive integer`);
  return value;
}

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isCollectionId(id: string): boolean {
  return UUID4.test(id);
}

export function tlpLevel(source: string, key: string, value: unknown): TlpLevel {
  const level = typeof value === 'string' ? value.toLowerCase().replace(/^tlp:/, '') : '';
  const normalised = level === 'white' ? 'clear' : level;
  if (!TLP_LEVELS.includes(normalised as TlpLevel)) throw new ConfigError(source, `${key} must be one of ${TLP_LEVELS.join(', ')}`);
  return normalised as TlpLevel;
}

function stringList(file: string, key: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ConfigError(file, `${key} must be a list of strings`);
  return value as string[];
}

function collectionOf(file: string, key: string, c: Record<string, unknown>, config: HubConfig): ConfiguredCollection {
  const id = typeof c.id === 'string' ? c.id : '';
  if (!isCollectionId(id)) throw new ConfigError(file, `${key}.id must be a UUIDv4 (TAXII 2.1 identifier)`);
  const apiRoot = typeof c.api_root === 'string' ? c.api_root : config.defaultApiRoot ?? '';
  if (!config.apiRoots.some((a) => a.path === apiRoot)) throw new ConfigError(file, `${key}.api_root ${JSON.stringify(apiRoot)} is not among api_roots`);
  const kind = c.kind ?? 'stored';
  if (kind !== 'stored' && kind !== 'view') throw new ConfigError(file, `${key}.kind must be stored or view`);
  const collection: ConfiguredCollection = {
    id, apiRoot, kind,
    title: typeof c.title === 'string' ? c.title : id,
    audience: c.audience === undefined ? [] : stringList(file, `${key}.audience`, c.audience),
    community: c.community === undefined || c.community === 'all' ? null : stringList(file, `${key}.community`, c.community),
    defaultTlp: c.default_tlp === undefined ? 'green' : tlpLevel(file, `${key}.default_tlp`, c.default_tlp),
    grants: [],
  };
  if (typeof c.description === 'string') collection.description = c.description;
  if (typeof c.alias === 'string') collection.alias = c.alias;
  if (c.filter !== undefined) {
    if (kind !== 'view') throw new ConfigError(file, `${key}.filter is for views only`);
    const f = c.filter as Record<string, unknown>;
    const filter: ViewFilter = {};
    if (f.types !== undefined) filter.types = stringList(file, `${key}.filter.types`, f.types);
    if (f.created_by !== undefined) filter.createdBy = stringList(file, `${key}.filter.created_by`, f.created_by);
    if (f.markings !== undefined) filter.markings = stringList(file, `${key}.filter.markings`, f.markings);
    if (f.tlp_ceiling !== undefined) filter.tlpCeiling = tlpLevel(file, `${key}.filter.tlp_ceiling`, f.tlp_ceiling);
    if (f.max_age_days !== undefined) filter.maxAgeDays = positive(file, `${key}.filter.max_age_days`, f.max_age_days);
    collection.filter = filter;
  }
  if (c.grants !== undefined) {
    if (!Array.isArray(c.grants)) throw new ConfigError(file, `${key}.grants must be a list`);
    collection.grants = c.grants.map((g: Record<string, unknown>, j) => {
      const principal = typeof g.principal === 'string' ? g.principal : '';
      if (principal === '') throw new ConfigError(file, `${key}.grants[${j}].principal is required`);
      return { principal, read: g.read === true, write: g.write === true };
    });
  }
  return collection;
}
