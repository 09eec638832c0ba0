// renderCsv: the advisory's indicators as CSV (RFC 4180), one row per value a pattern looks for.
import { stringify } from 'csv-stringify/sync';
import type { Advisory } from './advisory.ts';

export const CSV_COLUMNS = [
  'indicator_id', 'name', 'type', 'operator', 'value', 'defanged_value', 'pattern', 'pattern_type',
  'indicator_types', 'indicates', 'valid_from', 'valid_until', 'tlp', 'description',
] as const;

// A spreadsheet runs a cell that starts like this as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** Columns meant for people open safely in a spreadsheet; `value` and `pattern` stay exact for tools. */
function forPeople(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * `value` is exact, for tools; `defanged_value` is for people. An indicator whose pattern has no value to list
 * (another pattern language, or only negations) still gets one row, with its pattern.
 */
export function renderCsv(advisory: Advisory): string {
  const rows: string[][] = [];
  for (const i of advisory.indicators) {
    const common = (type: string, operator: string, value: string, defanged: string): string[] => [
      i.id, forPeople(i.name), type, operator, value, forPeople(defanged), i.pattern, i.patternType, i.types.join(';'),
      forPeople(i.indicates.join(';')), i.validFrom ?? '', i.validUntil ?? '', i.tlp ? i.tlp.toUpperCase() : '',
      forPeople(i.description),
    ];
    if (i.observables.length === 0) rows.push(common('', '', '', ''));
    for (const o of i.observables) rows.push(common(o.path, o.operator, o.value, o.defanged));
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\r\n' });
}
