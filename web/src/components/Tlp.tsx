// TLP 2.0 labels and banners, in FIRST's colours, so the sharing limit is the first thing an analyst sees.
import type { TlpLevel } from '../api-types.ts';

const MEANING: Record<TlpLevel, string> = {
  clear: 'Disclosure is not limited.',
  green: 'Limited disclosure: the community, not published.',
  amber: 'Limited disclosure: your organisation and its clients, need to know.',
  'amber+strict': 'Limited disclosure: your organisation only.',
  red: 'For the named recipients only: no further disclosure.',
};

let unmarkedLevel: TlpLevel | null = null;

/** Set once signed in: the knowledge base's level for unmarked objects. */
export function setUnmarkedLevel(level: TlpLevel | null): void {
  unmarkedLevel = level;
}

export function tlpLabel(level: TlpLevel | null): string {
  return level ? `TLP:${level.toUpperCase()}` : 'no TLP marking';
}

export function TlpBadge({ level }: { level: TlpLevel | null }) {
  return <span className={`tlp tlp-${level ? level.replace('+', '-') : 'none'}`} title={level ? MEANING[level] : 'No TLP marking: the collection treats it as its default level'}>{tlpLabel(level)}</span>;
}

export function TlpBanner({ level }: { level: TlpLevel | null }) {
  return (
    <div className={`tlp-banner tlp-${level ? level.replace('+', '-') : 'none'}`} role="note" aria-label="Traffic Light Protocol">
      <strong>{tlpLabel(level)}</strong>
      <span>{level ? MEANING[level] : unmarkedLevel ? `Unmarked, so treated as TLP:${unmarkedLevel.toUpperCase()} (the knowledge base's default): ${MEANING[unmarkedLevel]}` : 'Unmarked: shared at the knowledge base\'s default level.'}</span>
    </div>
  );
}
