import { agentReadyTemplate } from './agent-ready.js';
import { productOpsTemplate } from './product-ops.js';
import type { SpecTemplate, TemplateId } from './types.js';

export type { SpecTemplate, TemplateId, TemplateSection } from './types.js';

/** Templates are data: adding one is a new module and a line here. */
export const templates: readonly SpecTemplate[] = [agentReadyTemplate, productOpsTemplate];

export function getTemplate(id: TemplateId): SpecTemplate {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`unknown template ${id}`);
  return found;
}
