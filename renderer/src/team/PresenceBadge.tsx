import { useShallow } from 'zustand/react/shallow';
import { useComments } from '../comments/comments-store.js';
import { useWorkbench } from '../state/store.js';
import { initialsOf, othersThan, usePresence } from './presence-store.js';
import './team.css';

/** Initials of the other people who have this spec open (a team server's presence); nothing when alone. */
export function PresenceBadge() {
  const specId = useWorkbench((s) => s.library?.specId ?? null);
  const presence = usePresence(useShallow((s) => ({ specId: s.specId, people: s.people, more: s.more })));
  const me = useComments((s) => s.profile?.id ?? null);
  if (specId === null || presence.specId !== specId) return null;
  const others = othersThan(presence.people, me);
  if (!others.length && !presence.more) return null;
  const names = others.map((p) => p.name).join(', ');
  const label = `Also viewing: ${names}${presence.more ? ` and ${presence.more} more` : ''}`;
  return (
    <span className="presence" data-testid="presence" title={label} aria-label={label}>
      {others.map((p) => (
        <span key={p.accountId} className="presence-person" data-testid="presence-person" title={p.name}>
          {initialsOf(p.name)}
        </span>
      ))}
      {presence.more > 0 && <span className="presence-more">+{presence.more}</span>}
    </span>
  );
}
