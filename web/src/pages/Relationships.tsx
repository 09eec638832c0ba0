// An object's relationships grouped by kind and direction, each group folded once it is long.
import type { RelationshipGroup } from '../api-types.ts';
import { ObjectLink } from '../components/ObjectLink.tsx';
import { Link, objectPath } from '../router.tsx';

const OPEN_UP_TO = 12;

/** Read as a sentence about the object: "Lazarus Group uses …", "… indicates Lazarus Group". */
function heading(group: RelationshipGroup, name: string): string {
  const kind = group.kind.replace(/_refs?$/, '').replace(/[_-]/g, ' ');
  if (group.relationship) return group.direction === 'out' ? `${name} ${kind} …` : `… ${kind} ${name}`;
  return group.direction === 'out' ? `${name} refers to (${kind})` : `Referred to by (${kind})`;
}

export function Relationships({ groups, name }: { groups: RelationshipGroup[]; name: string }) {
  if (groups.length === 0) return <p className="muted">No relationships you may see.</p>;
  return (
    <div className="relationship-groups">
      {groups.map((g) => (
        <details key={`${g.kind}${g.direction}`} open={g.total <= OPEN_UP_TO}>
          <summary><strong>{heading(g, name)}</strong> <span className="count">{g.total}</span></summary>
          <ul className="plain related">
            {g.items.map((item, i) => (
              <li key={`${item.other.id}${i}`}>
                <ObjectLink object={item.other} />
                {item.via ? (
                  <span className="muted">
                    {' '}via <Link to={objectPath(item.via.id)}>{item.via.type}</Link>
                    {item.via.confidence !== null ? `, confidence ${item.via.confidence}` : ''}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {g.total > g.items.length ? <p className="muted">{g.total - g.items.length} more not listed; the graph view can walk them.</p> : null}
        </details>
      ))}
    </div>
  );
}
