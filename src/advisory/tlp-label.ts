// How an advisory shows its TLP level: the label, what it allows (TLP 2.0, FIRST), and the colours of its banner.
import type { TlpLevel } from '../stix/tlp.ts';

export interface TlpLabel {
  /** `TLP:AMBER+STRICT`. */
  label: string;
  /** What recipients may do with the advisory. */
  rule: string;
  /** TLP 2.0 prints the label in its colour on black. */
  colour: string;
}

// FIRST TLP 2.0 colours (RGB) and sharing rules, shortened: https://www.first.org/tlp/
const LABELS: Record<TlpLevel, TlpLabel> = {
  clear: { label: 'TLP:CLEAR', colour: '#FFFFFF', rule: 'Recipients may share this without limit.' },
  green: { label: 'TLP:GREEN', colour: '#33FF00', rule: 'Recipients may share this within their community, but not publicly.' },
  amber: { label: 'TLP:AMBER', colour: '#FFC000', rule: 'Recipients may share this only on a need-to-know basis within their organisation and its clients.' },
  'amber+strict': { label: 'TLP:AMBER+STRICT', colour: '#FFC000', rule: 'Recipients may share this only on a need-to-know basis within their own organisation.' },
  red: { label: 'TLP:RED', colour: '#FF2B2B', rule: 'For the named recipients only: no further disclosure.' },
};

export function tlpLabel(level: TlpLevel): TlpLabel {
  return LABELS[level];
}
