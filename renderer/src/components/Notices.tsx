import { useShallow } from 'zustand/react/shallow';
import { getTemplate } from '../../../core/templates/index.js';
import { mapSectionToTemplate } from '../../../core/spec/edit.js';
import { useWorkbench } from '../state/store.js';

/** Errors from the host and the parser's warnings, each closable; unmapped text gets a fix. */
export function Notices() {
  const { notices, diagnostics, doc, dismiss } = useWorkbench(
    useShallow((s) => ({ notices: s.notices, diagnostics: s.doc.diagnostics, doc: s.doc, dismiss: s.dismiss })),
  );
  const mapTo = (key: string) => {
    const s = useWorkbench.getState();
    s.sync();
    const current = s.doc;
    const index = current.sections.findIndex((x) => x.heading === null);
    if (index === -1) return;
    s.load({ ...s.file, content: mapSectionToTemplate(current, index, key) });
    useWorkbench.setState({ savedText: s.savedText, dirty: true });
  };
  if (!notices.length && !diagnostics.length) return null;
  return (
    <div className="notices" role="status">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-testid={`notice-${n.kind}`}>
          <span>{n.text}</span>
          <button aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
      {diagnostics.map((d, i) => (
        <div key={`d${i}`} className={`notice notice-${d.severity}`} data-testid={`diagnostic-${d.code}`}>
          <span>{d.message}</span>
          {d.code === 'no-sections' && (
            <label className="notice-action">
              Map it to{' '}
              <select defaultValue="" onChange={(e) => e.target.value && mapTo(e.target.value)} data-testid="map-section">
                <option value="" disabled>
                  a section…
                </option>
                {getTemplate(doc.template).sections.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.title}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      ))}
    </div>
  );
}
