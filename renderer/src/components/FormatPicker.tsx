import { templates } from '../../../core/templates/index.js';
import { useWorkbench } from '../state/store.js';

const DETECT = '';

/**
 * The format the document is read as (issue 11, FR-1): detected from its headings, or chosen
 * here, which writes `format:` into the front matter so the file and the CLI agree.
 */
export function FormatPicker() {
  const doc = useWorkbench((s) => s.doc);
  const setFormat = useWorkbench((s) => s.setFormat);
  const current = templates.find((t) => t.id === doc.template)!;
  const chosen = doc.formatSource === 'detected' ? DETECT : current.format;
  const mixed = doc.mixedFormats.map((id) => templates.find((t) => t.id === id)?.format ?? id);
  const title = [
    doc.formatSource === 'detected' ? `Detected from the headings: ${current.name}` : `Set in front matter (format: ${current.format})`,
    mixed.length ? `Also holds items written as ${mixed.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <label className="format-picker" title={title}>
      <span className="visually-hidden">Format</span>
      <select
        data-testid="format-picker"
        data-format={current.format}
        value={chosen}
        onChange={(e) => setFormat(e.target.value === DETECT ? null : e.target.value)}
      >
        <option value={DETECT}>{doc.formatSource === 'detected' ? `${current.format} (detected)` : 'detect from headings'}</option>
        {templates.map((t) => (
          <option key={t.id} value={t.format}>
            {t.format}
          </option>
        ))}
      </select>
      {mixed.length > 0 && <span className="format-mixed">+{mixed.join(', ')}</span>}
    </label>
  );
}
