import { agentReadyTemplate } from './agent-ready.js';
import { kiroDesignTemplate, kiroRequirementsTemplate } from './kiro.js';
import { openspecDeltaTemplate, openspecTemplate } from './openspec.js';
import { productOpsTemplate } from './product-ops.js';
import { speckitTemplate } from './speckit.js';
import type { SpecTemplate, TemplateId } from './types.js';

export type { FormatPromises, FormatSignal, SpecTemplate, TemplateId, TemplateSection } from './types.js';

/** Templates are data: adding one is a new module and a line here. The first wins a tie in detection. */
export const templates: readonly SpecTemplate[] = [
  agentReadyTemplate,
  productOpsTemplate,
  speckitTemplate,
  kiroRequirementsTemplate,
  kiroDesignTemplate,
  openspecTemplate,
  openspecDeltaTemplate,
];

export function getTemplate(id: TemplateId): SpecTemplate {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`unknown template ${id}`);
  return found;
}

/** The template a format name (`six-part`, `kiro`, …) or a template id names, or undefined. */
export function templateByFormat(name: unknown): SpecTemplate | undefined {
  if (typeof name !== 'string') return undefined;
  const n = name.trim().toLowerCase();
  return templates.find((t) => t.format === n || t.id === n);
}
