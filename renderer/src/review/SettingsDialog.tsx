import { useEffect, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import type { ReviewSettingsView } from '../../../core/contract/ops/review.js';
import { useWorkbench } from '../state/store.js';
import { failureMessage } from './format.js';
import { PromptFilesInfo } from './PromptFilesInfo.js';
import { saveReviewSettings } from './review-settings.js';
import { ProfileForm } from '../comments/ProfileForm.js';

const KEY_SOURCE: Record<ReviewSettingsView['keySource'], string> = {
  vault: 'stored in this computer’s key store',
  env: 'from the ANTHROPIC_API_KEY environment variable',
  none: 'none: the offline reviewer runs instead',
};

function close(): void {
  useWorkbench.getState().reviewPatch({ reviewSettingsOpen: false });
}

/** Review settings: model, base URL, max tokens, concurrency; the key only where it can be stored safely. */
function SettingsForm({ settings }: { settings: ReviewSettingsView }) {
  const [model, setModel] = useState(settings.model);
  const [baseURL, setBaseURL] = useState(settings.baseURL ?? '');
  const [maxTokens, setMaxTokens] = useState(String(settings.maxTokens));
  const [concurrency, setConcurrency] = useState(String(settings.concurrency));
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await saveReviewSettings({
        model: model.trim(),
        baseURL: baseURL.trim() === '' ? null : baseURL.trim(),
        maxTokens: Number(maxTokens),
        concurrency: Number(concurrency),
        ...(settings.canStoreKey && apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      });
      setApiKey('');
      close();
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const clearKey = async () => {
    setError(null);
    try {
      await saveReviewSettings({ apiKey: null });
    } catch (err) {
      setError(failureMessage(err));
    }
  };

  return (
    <form className="rs-form" onSubmit={(e) => void submit(e)} data-testid="review-settings">
      <h2>Review settings</h2>
      <label>
        Model
        <input list="rs-models" value={model} onChange={(e) => setModel(e.target.value)} data-testid="rs-model" required maxLength={200} />
        <datalist id="rs-models">
          {settings.suggestedModels.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <small>
          Default {settings.defaultModel}. Prices as of {settings.pricesTaken}.
        </small>
      </label>
      <label>
        Base URL
        <input type="url" value={baseURL} placeholder="https://api.anthropic.com (default)" onChange={(e) => setBaseURL(e.target.value)} data-testid="rs-base-url" />
      </label>
      <div className="rs-row">
        <label>
          Max tokens
          <input type="number" min={256} max={64000} step={1} value={maxTokens} onChange={(e) => setMaxTokens(e.target.value)} data-testid="rs-max-tokens" required />
        </label>
        <label>
          Concurrency
          <input type="number" min={1} max={8} step={1} value={concurrency} onChange={(e) => setConcurrency(e.target.value)} data-testid="rs-concurrency" required />
        </label>
      </div>
      <fieldset className="rs-key">
        <legend>API key</legend>
        <p data-testid="rs-key-source">
          Key: <strong>{KEY_SOURCE[settings.keySource]}</strong>
        </p>
        {settings.canStoreKey ? (
          <>
            <label>
              {settings.keySource === 'vault' ? 'Replace the stored key' : 'Anthropic API key'}
              <input type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} placeholder="sk-ant-…" data-testid="rs-api-key" />
            </label>
            <small>Encrypted with the operating system’s key store; it is never shown again and never leaves the app except to Anthropic.</small>
            {settings.keySource === 'vault' && (
              <button type="button" onClick={() => void clearKey()} data-testid="rs-clear-key">
                Remove the stored key
              </button>
            )}
          </>
        ) : (
          <p className="muted" data-testid="rs-env-note">
            In browser mode and in the CLI the key is read only from the <code>ANTHROPIC_API_KEY</code> environment variable of the process that serves the workbench. Set it there and restart; the desktop app lets you enter it here.
          </p>
        )}
      </fieldset>
      <PromptFilesInfo />
      {error && (
        <p className="rs-error" role="alert">
          {error}
        </p>
      )}
      <div className="rs-buttons">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving} data-testid="rs-save">
          Save
        </button>
      </div>
    </form>
  );
}

export function SettingsDialog() {
  const { open, settings } = useWorkbench(useShallow((s) => ({ open: s.reviewSettingsOpen, settings: s.reviewSettings })));
  if (!open) return null;
  return createPortal(
    <div className="review-modal" role="dialog" aria-modal="true" aria-label="Review settings" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="review-modal-box rs-box">
        <ProfileForm />
        {settings ? <SettingsForm settings={settings} /> : <p className="muted">Loading settings…</p>}
      </div>
    </div>,
    document.body,
  );
}
