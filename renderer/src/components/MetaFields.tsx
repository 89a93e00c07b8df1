import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { statusKey, statusLabel } from '../../../core/present/status.js';
import { useOverlay } from '../palette/overlay-store.js';
import { useWorkbench } from '../state/store.js';

const STATUSES = ['draft', 'in-review', 'approved', 'deprecated'];

/** Commits `value` to a front-matter field; a refused value (e.g. two lines) becomes a notice. */
function commit(field: string, value: string): void {
  const s = useWorkbench.getState();
  try {
    if (value.trim()) s.setMeta(field, value);
  } catch (error) {
    s.notify('error', error instanceof Error ? error.message : String(error));
  }
}

interface InlineProps {
  field: string;
  value: string;
  label: string;
  testId: string;
  className?: string;
  options?: string[];
  children: React.ReactNode;
}

/** Shows `children`; a click (or the palette's "Edit …") turns it into an input: Enter commits, Escape cancels. */
export function InlineMeta({ field, value, label, testId, className, options, children }: InlineProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const asked = useOverlay((s) => s.editingMeta === field);
  useEffect(() => {
    if (!asked) return;
    setDraft(value);
    setEditing(true);
    useOverlay.getState().editMeta(null);
  }, [asked, value]);
  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);
  if (!editing) {
    return (
      <button className={`meta-inline ${className ?? ''}`} title={`Edit the ${label} (click)`} data-testid={testId} onClick={() => (setDraft(value), setEditing(true))}>
        {children}
      </button>
    );
  }
  const done = (save: boolean) => {
    setEditing(false);
    if (save && draft !== value) commit(field, draft);
  };
  return (
    <>
      <input
        ref={input}
        className="meta-input"
        aria-label={label}
        data-testid={`${testId}-input`}
        value={draft}
        list={options ? `${testId}-options` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => done(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') done(true);
          if (e.key === 'Escape') done(false);
        }}
      />
      {options && (
        <datalist id={`${testId}-options`}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      )}
    </>
  );
}

/** The title and status, each editable in place. */
export function TitleAndStatus() {
  const meta = useWorkbench((s) => s.doc.meta);
  const status = meta.status ?? 'draft';
  return (
    <>
      <h1>
        <InlineMeta field="title" value={meta.title} label="title" testId="spec-title">
          {meta.title}
        </InlineMeta>
      </h1>
      <InlineMeta field="status" value={status} label="status" testId="spec-status" className={`status status-${statusKey(meta.status)}`} options={STATUSES}>
        {statusLabel(meta.status)}
      </InlineMeta>
    </>
  );
}

/** "Front matter ▾": every front-matter field the title bar edits (author, date and the rest). */
export function FrontMatterMenu() {
  const [open, setOpen] = useState(false);
  const { meta, frontMatter } = useWorkbench(useShallow((s) => ({ meta: s.doc.meta, frontMatter: s.doc.frontMatter })));
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', esc);
    return () => (document.removeEventListener('mousedown', away), document.removeEventListener('keydown', esc));
  }, [open]);
  const fields: [string, string][] = [
    ['title', meta.title],
    ['status', meta.status ?? ''],
    ['author', meta.author ?? ''],
    ['date', meta.date ?? ''],
    ...Object.entries(frontMatter ?? {})
      .filter(([k, v]) => !['title', 'status', 'author', 'date'].includes(k) && typeof v === 'string')
      .map(([k, v]) => [k, v as string] as [string, string]),
  ];
  return (
    <div className="menu" ref={box}>
      <button className="front-matter-button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="front-matter-button" title="Edit the front matter">
        Front matter ▾
      </button>
      {open && (
        <form className="menu-list front-matter" data-testid="front-matter" onSubmit={(e) => e.preventDefault()}>
          {fields.map(([k, v]) => (
            <label key={k}>
              <span>{k}</span>
              <input defaultValue={v} data-testid={`fm-${k}`} onBlur={(e) => e.target.value !== v && commit(k, e.target.value)} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} />
            </label>
          ))}
        </form>
      )}
    </div>
  );
}
