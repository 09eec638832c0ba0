// The names of the telemetry formats, apart from their decoders: a command line can offer them without loading one.
export const FORMATS = ['zeek', 'suricata', 'jsonl', 'stix'] as const;
export type TelemetryFormat = (typeof FORMATS)[number];
