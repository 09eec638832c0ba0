// §6 STIX Cyber-observable Objects: property tables, predefined extensions (§3.10) and ID contributing properties.
import { defineType } from './common.ts';
import {
  binary, bool, dict, dictOf, en, float, hashes, hex, int, list, obj, ov, ref, shape, str, strings, timestamp,
  type Kind, type Shape, type TypeSpec,
} from './model.ts';
import * as V from './vocab.ts';

const count = int(0);
const sco = (type: string, section: string, own: Shape, exts?: Shape[]) =>
  defineType('sco', type, section, own, {
    extensions: exts ? new Map(exts.map((e) => [e.name, e])) : undefined,
  });

const mimePart = shape('email-mime-component', '6.6.2', {}, {
  body: str, body_raw_ref: ref('artifact', 'file'), content_type: str, content_disposition: str,
});

const alternateDataStream = shape('alternate-data-stream', '6.7.3.2', { name: str }, { hashes, size: count });

const peOptionalHeader: Record<string, Kind> = { hashes };
for (const p of ['magic_hex', 'win32_version_value_hex', 'checksum_hex', 'subsystem_hex', 'dll_characteristics_hex',
  'loader_flags_hex']) peOptionalHeader[p] = hex;
for (const p of ['major_linker_version', 'minor_linker_version', 'size_of_code', 'size_of_initialized_data',
  'size_of_uninitialized_data', 'address_of_entry_point', 'base_of_code', 'base_of_data', 'image_base',
  'section_alignment', 'file_alignment', 'major_os_version', 'minor_os_version', 'major_image_version',
  'minor_image_version', 'major_subsystem_version', 'minor_subsystem_version', 'size_of_image', 'size_of_headers',
  'size_of_stack_reserve', 'size_of_stack_commit', 'size_of_heap_reserve', 'size_of_heap_commit',
  'number_of_rva_and_sizes']) peOptionalHeader[p] = int();
const peSection = shape('windows-pe-section', '6.7.6.3', { name: str }, { size: count, entropy: float(), hashes });

const fileExtensions = [
  shape('archive-ext', '6.7.2', { contains_refs: list(ref('file', 'directory')) }, { comment: str }),
  shape('ntfs-ext', '6.7.3', {}, { sid: str, alternate_data_streams: list(obj(alternateDataStream)) }),
  shape('pdf-ext', '6.7.4', {}, {
    version: str, is_optimized: bool, document_info_dict: dictOf(str), pdfid0: str, pdfid1: str,
  }),
  shape('raster-image-ext', '6.7.5', {}, {
    image_height: int(), image_width: int(), bits_per_pixel: int(), exif_tags: dict,
  }),
  shape('windows-pebinary-ext', '6.7.6', { pe_type: ov(V.WINDOWS_PEBINARY_TYPE) }, {
    imphash: str, machine_hex: hex, number_of_sections: count, time_date_stamp: timestamp,
    pointer_to_symbol_table_hex: hex, number_of_symbols: count, size_of_optional_header: count,
    characteristics_hex: hex, file_header_hashes: hashes,
    optional_header: obj(shape('windows-pe-optional-header', '6.7.6.2', {}, peOptionalHeader)),
    sections: list(obj(peSection)),
  }),
];

const networkTrafficExtensions = [
  shape('http-request-ext', '6.12.2', { request_method: str, request_value: str }, {
    request_version: str, request_header: dict, message_body_length: count, message_body_data_ref: ref('artifact'),
  }),
  shape('icmp-ext', '6.12.3', { icmp_type_hex: hex, icmp_code_hex: hex }),
  shape('socket-ext', '6.12.4', { address_family: en(V.SOCKET_ADDRESS_FAMILY) }, {
    is_blocking: bool, is_listening: bool, options: dict, socket_type: en(V.SOCKET_TYPE), socket_descriptor: count,
    socket_handle: int(),
  }),
  shape('tcp-ext', '6.12.5', {}, { src_flags_hex: hex, dst_flags_hex: hex }),
];

const processExtensions = [
  shape('windows-process-ext', '6.13.2', {}, {
    aslr_enabled: bool, dep_enabled: bool, priority: str, owner_sid: str, window_title: str, startup_info: dict,
    integrity_level: en(V.WINDOWS_INTEGRITY_LEVEL),
  }),
  shape('windows-service-ext', '6.13.3', {}, {
    service_name: str, descriptions: strings, display_name: str, group_name: str,
    start_type: en(V.WINDOWS_SERVICE_START_TYPE), service_dll_refs: list(ref('file')),
    service_type: en(V.WINDOWS_SERVICE_TYPE), service_status: en(V.WINDOWS_SERVICE_STATUS),
  }),
];

const x509V3: Record<string, Kind> = {
  private_key_usage_period_not_before: timestamp, private_key_usage_period_not_after: timestamp,
};
for (const p of ['basic_constraints', 'name_constraints', 'policy_constraints', 'key_usage', 'extended_key_usage',
  'subject_key_identifier', 'authority_key_identifier', 'subject_alternative_name', 'issuer_alternative_name',
  'subject_directory_attributes', 'crl_distribution_points', 'inhibit_any_policy', 'certificate_policies',
  'policy_mappings']) x509V3[p] = str;

const addressRefs = ref('ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name');
const emailAddr = ref('email-addr');

export const SCO_TYPES: readonly TypeSpec[] = [
  sco('artifact', '6.1', shape('artifact', '6.1', {}, {
    mime_type: str, payload_bin: binary, url: str, hashes, encryption_algorithm: en(V.ENCRYPTION_ALGORITHM),
    decryption_key: str,
  })),
  sco('autonomous-system', '6.2', shape('autonomous-system', '6.2', { number: int() }, { name: str, rir: str })),
  sco('directory', '6.3', shape('directory', '6.3', { path: str }, {
    path_enc: str, ctime: timestamp, mtime: timestamp, atime: timestamp, contains_refs: list(ref('file', 'directory')),
  })),
  sco('domain-name', '6.4', shape('domain-name', '6.4', { value: str }, {
    resolves_to_refs: list(ref('ipv4-addr', 'ipv6-addr', 'domain-name')),
  })),
  sco('email-addr', '6.5', shape('email-addr', '6.5', { value: str }, {
    display_name: str, belongs_to_ref: ref('user-account'),
  })),
  sco('email-message', '6.6', shape('email-message', '6.6', { is_multipart: bool }, {
    date: timestamp, content_type: str, from_ref: emailAddr, sender_ref: emailAddr, to_refs: list(emailAddr),
    cc_refs: list(emailAddr), bcc_refs: list(emailAddr), message_id: str, subject: str, received_lines: strings,
    additional_header_fields: dict, body: str, body_multipart: list(obj(mimePart)), raw_email_ref: ref('artifact'),
  })),
  sco('file', '6.7', shape('file', '6.7', {}, {
    hashes, size: count, name: str, name_enc: str, magic_number_hex: hex, mime_type: str, ctime: timestamp,
    mtime: timestamp, atime: timestamp, parent_directory_ref: ref('directory'), contains_refs: list(ref()),
    content_ref: ref('artifact'),
  }), fileExtensions),
  sco('ipv4-addr', '6.8', shape('ipv4-addr', '6.8', { value: str }, {
    resolves_to_refs: list(ref('mac-addr')), belongs_to_refs: list(ref('autonomous-system')),
  })),
  sco('ipv6-addr', '6.9', shape('ipv6-addr', '6.9', { value: str }, {
    resolves_to_refs: list(ref('mac-addr')), belongs_to_refs: list(ref('autonomous-system')),
  })),
  sco('mac-addr', '6.10', shape('mac-addr', '6.10', { value: str })),
  sco('mutex', '6.11', shape('mutex', '6.11', { name: str })),
  sco('network-traffic', '6.12', shape('network-traffic', '6.12', { protocols: strings }, {
    start: timestamp, end: timestamp, is_active: bool, src_ref: addressRefs, dst_ref: addressRefs,
    src_port: int(0, 65535, '6.12'), dst_port: int(0, 65535, '6.12'), src_byte_count: count, dst_byte_count: count,
    src_packets: count, dst_packets: count, ipfix: dict, src_payload_ref: ref('artifact'),
    dst_payload_ref: ref('artifact'), encapsulates_refs: list(ref('network-traffic')),
    encapsulated_by_ref: ref('network-traffic'),
  }), networkTrafficExtensions),
  sco('process', '6.13', shape('process', '6.13', {}, {
    is_hidden: bool, pid: int(), created_time: timestamp, cwd: str, command_line: str, environment_variables: dict,
    opened_connection_refs: list(ref('network-traffic')), creator_user_ref: ref('user-account'), image_ref: ref('file'),
    parent_ref: ref('process'), child_refs: list(ref('process')),
  }), processExtensions),
  sco('software', '6.14', shape('software', '6.14', { name: str }, {
    cpe: str, swid: str, languages: strings, vendor: str, version: str,
  })),
  sco('url', '6.15', shape('url', '6.15', { value: str })),
  sco('user-account', '6.16', shape('user-account', '6.16', {}, {
    user_id: str, credential: str, account_login: str, account_type: ov(V.ACCOUNT_TYPE), display_name: str,
    is_service_account: bool, is_privileged: bool, can_escalate_privs: bool, is_disabled: bool,
    account_created: timestamp, account_expires: timestamp, credential_last_changed: timestamp,
    account_first_login: timestamp, account_last_login: timestamp,
  }), [shape('unix-account-ext', '6.16.2', {}, { gid: int(), groups: strings, home_dir: str, shell: str })]),
  sco('windows-registry-key', '6.17', shape('windows-registry-key', '6.17', {}, {
    key: str,
    values: list(obj(shape('windows-registry-value', '6.17.2', {}, {
      name: str, data: str, data_type: en(V.WINDOWS_REGISTRY_DATATYPE),
    }))),
    modified_time: timestamp, creator_user_ref: ref('user-account'), number_of_subkeys: count,
  })),
  sco('x509-certificate', '6.18', shape('x509-certificate', '6.18', {}, {
    is_self_signed: bool, hashes, version: str, serial_number: str, signature_algorithm: str, issuer: str,
    validity_not_before: timestamp, validity_not_after: timestamp, subject: str, subject_public_key_algorithm: str,
    subject_public_key_modulus: str, subject_public_key_exponent: int(),
    x509_v3_extensions: obj(shape('x509-v3-extensions', '6.18.2', {}, x509V3)),
  })),
];

/** ID contributing properties per SCO type (§6, each type's table); `process` has none, so it uses UUIDv4. */
export const SCO_ID_CONTRIBUTING: ReadonlyMap<string, readonly string[]> = new Map([
  ['artifact', ['hashes', 'payload_bin']],
  ['autonomous-system', ['number']],
  ['directory', ['path']],
  ['domain-name', ['value']],
  ['email-addr', ['value']],
  ['email-message', ['from_ref', 'subject', 'body']],
  ['file', ['hashes', 'name', 'extensions', 'parent_directory_ref']],
  ['ipv4-addr', ['value']],
  ['ipv6-addr', ['value']],
  ['mac-addr', ['value']],
  ['mutex', ['name']],
  ['network-traffic', ['start', 'end', 'src_ref', 'dst_ref', 'src_port', 'dst_port', 'protocols', 'extensions']],
  ['process', []],
  ['software', ['name', 'cpe', 'swid', 'vendor', 'version']],
  ['url', ['value']],
  ['user-account', ['account_type', 'user_id', 'account_login']],
  ['windows-registry-key', ['key', 'values']],
  ['x509-certificate', ['hashes', 'serial_number']],
]);
