// How renderers shorten model values for people: an indicator's shown value and type, a detection note's reach.
import type { DetectionNote, IndicatorEntry } from './advisory.ts';

/** Subjects listed under one detection note before the rest are counted instead. */
const SUBJECTS_SHOWN = 10;

/**
 * The indicator's (de-fanged) name when it spells out every value the pattern looks for (`203[.]0[.]113[.]5:8080`),
 * else the de-fanged values themselves, else the name.
 */
export function shownValue(i: IndicatorEntry): string {
  const values = [...new Set(i.observables.map((o) => o.defanged))];
  if (values.length === 0 || values.every((v) => i.name.includes(v))) return i.name;
  return values.join(', ');
}

export function observableTypes(i: IndicatorEntry): string {
  const paths = [...new Set(i.observables.map((o) => o.path))];
  return paths.length > 0 ? paths.join(', ') : i.patternType;
}

/** "12 indicators: a, b, … and 2 more". */
export function appliesTo(note: DetectionNote): string {
  const kind = note.from === 'indicator' ? 'indicator' : 'technique';
  const shown = note.subjects.slice(0, SUBJECTS_SHOWN).join(', ');
  const more = note.subjects.length - SUBJECTS_SHOWN;
  const count = `${note.subjects.length} ${kind}${note.subjects.length === 1 ? '' : 's'}`;
  return `${count}: ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The date part of an RFC 3339 timestamp. */
export function day(timestamp: string): string {
  return timestamp.slice(0, 10);
}
