import { useEffect, useState, type FormEvent } from 'react';
import { commentActions, useComments } from './comments-store.js';

/** Name and email every review action is recorded as; in the Comments panel on first use and in Settings. */
export function ProfileForm({ onSaved }: { onSaved?: () => void }) {
  const profile = useComments((s) => s.profile);
  const [name, setName] = useState(profile?.name ?? '');
  const [email, setEmail] = useState(profile?.email ?? '');
  useEffect(() => {
    setName(profile?.name ?? '');
    setEmail(profile?.email ?? '');
  }, [profile]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await commentActions.setProfile(name.trim(), email.trim())) onSaved?.();
  };
  return (
    <form className="profile-form" onSubmit={(e) => void submit(e)} data-testid="profile-form">
      <h3>Profile</h3>
      <p className="muted">Your comments, verdicts and versions are recorded under this name. Use another person’s email to switch to them.</p>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} data-testid="profile-name" />
      </label>
      <label>
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={320} data-testid="profile-email" />
      </label>
      <button type="submit" data-testid="profile-save">
        Save profile
      </button>
    </form>
  );
}
