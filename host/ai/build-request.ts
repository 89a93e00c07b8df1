import type { MessageCreateParamsBase, MessageParam, TextBlockParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import type { PassPrompt } from '../../core/review/prompt-file.js';
import { SYSTEM_PROMPT, renderPassInstructions, specBlockText, type PassExtras } from '../../core/review/render.js';
import { toolDefinitions, toolForKind } from '../../core/review/tool-schema.js';
import type { SpecDocument } from '../../core/spec/model.js';

export interface PassRequest {
  params: MessageCreateParamsBase;
  /** The tool the model is forced to call, and the array its input streams. */
  tool: { name: string; arrayKey: string };
}

/**
 * The request of one pass (NFR-1). Order: tools (all of them, every time), the shared system
 * prompt, then the spec as one block marked `cache_control`, and only then, in the user
 * turn, the pass-specific instructions. Everything up to and including the spec block is
 * byte-identical for every pass on the same text, so the second pass is a cache read. The
 * domain checklists (FR-2) follow the spec block, outside the cached prefix.
 * The breakpoint sits in `system` rather than the user turn because changing `tool_choice`
 * (review vs draft vs clarify) invalidates cached message blocks but not the system prefix.
 */
export function buildPassRequest(doc: SpecDocument, prompt: PassPrompt, options: { model: string; maxTokens: number; extras?: PassExtras }): PassRequest {
  if (prompt.kind === 'brief') throw new Error(`pass ${prompt.id} is a brief and is built locally`);
  const tool = toolForKind(prompt.kind);
  const system: TextBlockParam[] = [
    { type: 'text', text: SYSTEM_PROMPT },
    { type: 'text', text: specBlockText(doc), cache_control: { type: 'ephemeral' } },
  ];
  // Domain checklists go after the breakpoint: the cached prefix (tools, system prompt, spec)
  // is the same whatever the spec's domains, and the checklists cost at most ~2 k tokens.
  const checklists = options.extras?.checklists?.trim();
  if (checklists) system.push({ type: 'text', text: checklists });
  const messages: MessageParam[] = [{ role: 'user', content: [{ type: 'text', text: renderPassInstructions(prompt, options.extras) }] }];
  return {
    params: {
      model: options.model,
      max_tokens: options.maxTokens,
      tools: toolDefinitions() as Tool[],
      tool_choice: { type: 'tool', name: tool.name, disable_parallel_tool_use: true },
      system,
      messages,
    },
    tool: { name: tool.name, arrayKey: tool.arrayKey },
  };
}
