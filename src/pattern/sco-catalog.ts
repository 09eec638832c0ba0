// The STIX 2.1 cyber-observable types and their properties (section 6), for "unknown type/property" and type checks.

export type PropertyType =
  | { kind: 'string' }
  | { kind: 'integer' }
  | { kind: 'float' }
  | { kind: 'boolean' }
  | { kind: 'timestamp' }
  | { kind: 'binary' }
  | { kind: 'hex' }
  | { kind: 'list'; of: PropertyType }
  /** A dictionary with free keys; `values` is undefined when values may be of any type. */
  | { kind: 'dictionary'; values: PropertyType | undefined }
  | { kind: 'object'; properties: Readonly<Record<string, PropertyType>> }
  /** An identifier that a path can dereference into one of `targets` (an empty list means any SCO type). */
  | { kind: 'ref'; targets: readonly string[] }
  /** The `extensions` dictionary: predefined extension names map to their property sets. */
  | { kind: 'extensions'; known: Readonly<Record<string, PropertyType>> };

const S: PropertyType = { kind: 'string' };
const I: PropertyType = { kind: 'integer' };
const F: PropertyType = { kind: 'float' };
const B: PropertyType = { kind: 'boolean' };
const T: PropertyType = { kind: 'timestamp' };
const BIN: PropertyType = { kind: 'binary' };
const HEX: PropertyType = { kind: 'hex' };
const DICT: PropertyType = { kind: 'dictionary', values: undefined };
const HASHES: PropertyType = { kind: 'dictionary', values: S };
const list = (of: PropertyType): PropertyType => ({ kind: 'list', of });
const obj = (properties: Record<string, PropertyType>): PropertyType => ({ kind: 'object', properties });
const ref = (...targets: string[]): PropertyType => ({ kind: 'ref', targets });
const refs = (...targets: string[]): PropertyType => list(ref(...targets));
const ext = (known: Record<string, PropertyType> = {}): PropertyType => ({ kind: 'extensions', known });

const ADDRESS_TARGETS = ['ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name'];

/** Properties every SCO may carry (section 6.1 and 3.2). */
const COMMON: Record<string, PropertyType> = {
  type: S,
  id: S,
  spec_version: S,
  object_marking_refs: list(S),
  granular_markings: list(obj({ lang: S, marking_ref: S, selectors: list(S) })),
  defanged: B,
};

const ALTERNATE_DATA_STREAM = obj({ name: S, hashes: HASHES, size: I });

const PE_OPTIONAL_HEADER = obj({
  magic_hex: HEX,
  major_linker_version: I,
  minor_linker_version: I,
  size_of_code: I,
  size_of_initialized_data: I,
  size_of_uninitialized_data: I,
  address_of_entry_point: I,
  base_of_code: I,
  base_of_data: I,
  image_base: I,
  section_alignment: I,
  file_alignment: I,
  major_os_version: I,
  minor_os_version: I,
  major_image_version: I,
  minor_image_version: I,
  major_subsystem_version: I,
  minor_subsystem_version: I,
  win32_version_value_hex: HEX,
  size_of_image: I,
  size_of_headers: I,
  checksum_hex: HEX,
  subsystem_hex: HEX,
  dll_characteristics_hex: HEX,
  size_of_stack_reserve: I,
  size_of_stack_commit: I,
  size_of_heap_reserve: I,
  size_of_heap_commit: I,
  loader_flags_hex: HEX,
  number_of_rva_and_sizes: I,
  hashes: HASHES,
});

const FILE_EXTENSIONS = {
  'ntfs-ext': obj({ sid: S, alternate_data_streams: list(ALTERNATE_DATA_STREAM) }),
  'raster-image-ext': obj({ image_height: I, image_width: I, bits_per_pixel: I, exif_tags: DICT }),
  'pdf-ext': obj({ version: S, is_optimized: B, document_info_dict: DICT, pdfid0: S, pdfid1: S }),
  'archive-ext': obj({ contains_refs: refs('file', 'directory'), comment: S }),
  'windows-pebinary-ext': obj({
    pe_type: S,
    imphash: S,
    machine_hex: HEX,
    number_of_sections: I,
    time_date_stamp: T,
    pointer_to_symbol_table_hex: HEX,
    number_of_symbols: I,
    size_of_optional_header: I,
    characteristics_hex: HEX,
    file_header_hashes: HASHES,
    optional_header: PE_OPTIONAL_HEADER,
    sections: list(obj({ name: S, size: I, entropy: F, hashes: HASHES })),
  }),
};

const NETWORK_TRAFFIC_EXTENSIONS = {
  'http-request-ext': obj({
    request_method: S,
    request_value: S,
    request_version: S,
    request_header: DICT,
    message_body_length: I,
    message_body_data_ref: ref('artifact'),
  }),
  'icmp-ext': obj({ icmp_type_hex: HEX, icmp_code_hex: HEX }),
  'socket-ext': obj({
    address_family: S,
    is_blocking: B,
    is_listening: B,
    options: DICT,
    socket_type: S,
    socket_descriptor: I,
    socket_handle: I,
  }),
  'tcp-ext': obj({ src_flags_hex: HEX, dst_flags_hex: HEX }),
};

const PROCESS_EXTENSIONS = {
  'windows-process-ext': obj({
    aslr_enabled: B,
    dep_enabled: B,
    priority: S,
    owner_sid: S,
    window_title: S,
    startup_info: DICT,
    integrity_level: S,
  }),
  'windows-service-ext': obj({
    service_name: S,
    descriptions: list(S),
    display_name: S,
    group_name: S,
    start_type: S,
    service_dll_refs: refs('file'),
    service_type: S,
    service_status: S,
  }),
};

const SCO_PROPERTIES: Record<string, Record<string, PropertyType>> = {
  artifact: {
    mime_type: S,
    payload_bin: BIN,
    url: S,
    hashes: HASHES,
    encryption_algorithm: S,
    decryption_key: S,
  },
  'autonomous-system': { number: I, name: S, rir: S },
  directory: { path: S, path_enc: S, ctime: T, mtime: T, atime: T, contains_refs: refs('file', 'directory') },
  'domain-name': { value: S, resolves_to_refs: refs('ipv4-addr', 'ipv6-addr', 'domain-name') },
  'email-addr': { value: S, display_name: S, belongs_to_ref: ref('user-account') },
  'email-message': {
    is_multipart: B,
    date: T,
    content_type: S,
    from_ref: ref('email-addr'),
    sender_ref: ref('email-addr'),
    to_refs: refs('email-addr'),
    cc_refs: refs('email-addr'),
    bcc_refs: refs('email-addr'),
    message_id: S,
    subject: S,
    received_lines: list(S),
    additional_header_fields: DICT,
    body: S,
    body_multipart: list(
      obj({ body: S, body_raw_ref: ref('artifact', 'file'), content_type: S, content_disposition: S }),
    ),
    raw_email_ref: ref('artifact'),
  },
  file: {
    extensions: ext(FILE_EXTENSIONS),
    hashes: HASHES,
    size: I,
    name: S,
    name_enc: S,
    magic_number_hex: HEX,
    mime_type: S,
    ctime: T,
    mtime: T,
    atime: T,
    parent_directory_ref: ref('directory'),
    contains_refs: refs(),
    content_ref: ref('artifact'),
  },
  'ipv4-addr': { value: S, resolves_to_refs: refs('mac-addr'), belongs_to_refs: refs('autonomous-system') },
  'ipv6-addr': { value: S, resolves_to_refs: refs('mac-addr'), belongs_to_refs: refs('autonomous-system') },
  'mac-addr': { value: S },
  mutex: { name: S },
  'network-traffic': {
    extensions: ext(NETWORK_TRAFFIC_EXTENSIONS),
    start: T,
    end: T,
    is_active: B,
    src_ref: ref(...ADDRESS_TARGETS),
    dst_ref: ref(...ADDRESS_TARGETS),
    src_port: I,
    dst_port: I,
    protocols: list(S),
    src_byte_count: I,
    dst_byte_count: I,
    src_packets: I,
    dst_packets: I,
    ipfix: DICT,
    src_payload_ref: ref('artifact'),
    dst_payload_ref: ref('artifact'),
    encapsulates_refs: refs('network-traffic'),
    encapsulated_by_ref: ref('network-traffic'),
  },
  process: {
    extensions: ext(PROCESS_EXTENSIONS),
    is_hidden: B,
    pid: I,
    created_time: T,
    cwd: S,
    command_line: S,
    environment_variables: DICT,
    opened_connection_refs: refs('network-traffic'),
    creator_user_ref: ref('user-account'),
    image_ref: ref('file'),
    parent_ref: ref('process'),
    child_refs: refs('process'),
  },
  software: { name: S, cpe: S, swid: S, languages: list(S), vendor: S, version: S },
  url: { value: S },
  'user-account': {
    extensions: ext({ 'unix-account-ext': obj({ gid: I, groups: list(S), home_dir: S, shell: S }) }),
    user_id: S,
    credential: S,
    account_login: S,
    account_type: S,
    display_name: S,
    is_service_account: B,
    is_privileged: B,
    can_escalate_privs: B,
    is_disabled: B,
    account_created: T,
    account_expires: T,
    credential_last_changed: T,
    account_first_login: T,
    account_last_login: T,
  },
  'windows-registry-key': {
    key: S,
    values: list(obj({ name: S, data: S, data_type: S })),
    modified_time: T,
    creator_user_ref: ref('user-account'),
    number_of_subkeys: I,
  },
  'x509-certificate': {
    is_self_signed: B,
    hashes: HASHES,
    version: S,
    serial_number: S,
    signature_algorithm: S,
    issuer: S,
    validity_not_before: T,
    validity_not_after: T,
    subject: S,
    subject_public_key_algorithm: S,
    subject_public_key_modulus: S,
    subject_public_key_exponent: I,
    x509_v3_extensions: obj({
      basic_constraints: S,
      name_constraints: S,
      policy_constraints: S,
      key_usage: S,
      extended_key_usage: S,
      subject_key_identifier: S,
      authority_key_identifier: S,
      subject_alternative_name: S,
      issuer_alternative_name: S,
      subject_directory_attributes: S,
      crl_distribution_points: S,
      inhibit_any_policy: S,
      private_key_usage_period_not_before: T,
      private_key_usage_period_not_after: T,
      certificate_policies: S,
      policy_mappings: S,
    }),
  },
};

const TYPES: ReadonlyMap<string, PropertyType> = new Map(
  Object.entries(SCO_PROPERTIES).map(([type, props]) => [
    type,
    obj({ extensions: ext(), ...COMMON, ...props }),
  ]),
);

/** The property set of a spec-defined SCO type as an object type, or undefined for a custom or unknown type. */
export function scoType(type: string): PropertyType | undefined {
  return TYPES.get(type);
}

export function isSpecScoType(type: string): boolean {
  return TYPES.has(type);
}
