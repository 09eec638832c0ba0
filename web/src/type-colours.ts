// One colour per STIX type, shared by the graph and the type tags, so a type looks the same everywhere.
export const TYPE_COLOURS: Record<string, string> = {
  'intrusion-set': '#b4232c',
  'threat-actor': '#d9480f',
  campaign: '#e67700',
  malware: '#7b2ca3',
  tool: '#5f3dc4',
  'attack-pattern': '#1864ab',
  indicator: '#2b8a3e',
  report: '#495057',
  identity: '#0b7285',
  opinion: '#a61e4d',
  sighting: '#c2255c',
  relationship: '#868e96',
  location: '#087f5b',
};

export function colourOf(type: string): string {
  return TYPE_COLOURS[type] ?? '#6c757d';
}
