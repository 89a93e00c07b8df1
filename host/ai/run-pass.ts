import type Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { z } from 'zod';
import { toClarifyQuestion, type ClarifyQuestion } from '../../core/review/clarify.js';
import { addUsage, ZERO_USAGE, type PassUsage } from '../../core/review/cost.js';
import { findingDraftSchema, type Finding } from '../../core/review/finding.js';
import { toFinding } from '../../core/review/identity.js';
import { JsonArrayStreamParser } from '../../core/review/stream-parser.js';
import {
  clarifyQuestionDraftSchema,
  draftProposalSchema,
  toolForKind,
  type DraftProposal,
} from '../../core/review/tool-schema.js';
import type { PassRequest } from './build-request.js';
import { classifyError, type PassError } from './pass-error.js';

export type ModelPassKind = 'review' | 'draft' | 'clarify';

export interface PassProgress {
  phase: 'connecting' | 'streaming' | 'validating' | 'retrying';
  attempt: number;
  items: number;
  outputTokens: number;
}

export interface PassHooks {
  /** A finding as soon as its JSON closed in the stream (review passes). */
  onFinding?(finding: Finding): void;
  onProgress?(progress: PassProgress): void;
}

export interface ModelPassResult {
  status: 'succeeded' | 'failed' | 'cancelled';
  findings: Finding[];
  proposals: DraftProposal[];
  openQuestions: string[];
  questions: ClarifyQuestion[];
  usage: PassUsage;
  attempts: number;
  error?: PassError;
  /** The tool input as received, kept when it failed validation or the stream was cut. */
  rawReply?: string;
}

interface AttemptOutcome {
  complete: boolean;
  toolUseId: string | null;
  json: string;
  text: string;
  usage: PassUsage;
  error?: PassError;
}

/**
 * Runs one model pass: streams the forced tool call, hands each complete element to the
 * caller as it arrives, validates the whole reply with zod, and on an invalid reply asks once
 * more with the validation error. Failures keep what already arrived.
 */
export async function runModelPass(
  client: Anthropic,
  request: PassRequest,
  kind: ModelPassKind,
  passId: string,
  signal: AbortSignal,
  hooks: PassHooks = {},
): Promise<ModelPassResult> {
  const spec = toolForKind(kind);
  const result: ModelPassResult = { status: 'failed', findings: [], proposals: [], openQuestions: [], questions: [], usage: ZERO_USAGE, attempts: 0 };
  const seen = new Set<string>();
  const accept = (element: unknown): boolean => {
    if (kind === 'review') {
      const parsed = findingDraftSchema.safeParse(element);
      if (!parsed.success) return false;
      const finding = toFinding(parsed.data, passId);
      if (seen.has(finding.id)) return true;
      seen.add(finding.id);
      result.findings.push(finding);
      hooks.onFinding?.(finding);
      return true;
    }
    if (kind === 'draft') {
      const parsed = draftProposalSchema.safeParse(element);
      if (parsed.success && !seen.has(parsed.data.section)) {
        seen.add(parsed.data.section);
        result.proposals.push(parsed.data);
      }
      return parsed.success;
    }
    const parsed = clarifyQuestionDraftSchema.safeParse(element);
    if (parsed.success) {
      const question = toClarifyQuestion(parsed.data);
      if (!seen.has(question.id)) {
        seen.add(question.id);
        result.questions.push(question);
      }
    }
    return parsed.success;
  };

  let params = request.params;
  for (let attempt = 1; attempt <= 2; attempt++) {
    result.attempts = attempt;
    hooks.onProgress?.({ phase: attempt === 1 ? 'connecting' : 'retrying', attempt, items: seen.size, outputTokens: result.usage.outputTokens });
    const outcome = await streamAttempt(client, params, request.tool, signal, accept, (outputTokens) =>
      hooks.onProgress?.({ phase: 'streaming', attempt, items: seen.size, outputTokens: result.usage.outputTokens + outputTokens }),
    );
    result.usage = addUsage(result.usage, outcome.usage);
    if (outcome.error) {
      result.status = outcome.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
      result.error = outcome.error;
      if (outcome.json) result.rawReply = outcome.json;
      return result;
    }
    hooks.onProgress?.({ phase: 'validating', attempt, items: seen.size, outputTokens: result.usage.outputTokens });
    const problem = validateReply(outcome, spec.schema);
    if (problem === null) {
      if (kind === 'draft') result.openQuestions = (JSON.parse(outcome.json) as { openQuestions: string[] }).openQuestions;
      result.status = 'succeeded';
      return result;
    }
    result.rawReply = outcome.json || outcome.text;
    if (attempt === 2) {
      result.status = 'failed';
      result.error = { code: 'INVALID_REPLY', message: `The reply did not match the expected format twice: ${problem}` };
      return result;
    }
    params = { ...params, messages: [...params.messages, ...correctionTurns(outcome, request.tool.name, problem)] };
  }
  return result;
}

/** Null when the reply is a valid call of the tool, else what is wrong with it. */
function validateReply(outcome: AttemptOutcome, schema: z.ZodType): string | null {
  if (outcome.toolUseId === null) return 'the reply did not call the tool';
  let data: unknown;
  try {
    data = JSON.parse(outcome.json);
  } catch (error) {
    return `the tool input is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 10)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** The turns that show the model its invalid reply and the validation error, asking again. */
function correctionTurns(outcome: AttemptOutcome, toolName: string, problem: string): MessageParam[] {
  const ask = `Your reply did not match the tool's input schema: ${problem}. Call ${toolName} again with the complete, corrected input.`;
  if (outcome.toolUseId === null) {
    return [
      { role: 'assistant', content: [{ type: 'text', text: outcome.text.trim() || '(no reply)' }] },
      { role: 'user', content: [{ type: 'text', text: ask }] },
    ];
  }
  let input: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(outcome.json);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) input = parsed as Record<string, unknown>;
  } catch {
    // Unparseable input is shown as empty; the error text says what was wrong.
  }
  return [
    { role: 'assistant', content: [{ type: 'tool_use', id: outcome.toolUseId, name: toolName, input }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: outcome.toolUseId, is_error: true, content: ask }] },
  ];
}

async function streamAttempt(
  client: Anthropic,
  params: MessageCreateParamsBase,
  tool: { name: string; arrayKey: string },
  signal: AbortSignal,
  accept: (element: unknown) => boolean,
  onTokens: (outputTokens: number) => void,
): Promise<AttemptOutcome> {
  const outcome: AttemptOutcome = { complete: false, toolUseId: null, json: '', text: '', usage: ZERO_USAGE };
  const parser = new JsonArrayStreamParser(tool.arrayKey);
  let toolIndex = -1;
  let streaming = false;
  try {
    // The raw event stream, not `client.messages.stream()`: that helper parses the tool input
    // itself when the block closes and throws on invalid JSON, which would turn an invalid
    // reply (retried once, FR-2) into a lost stream. We parse the input ourselves anyway.
    const stream = await client.messages.create({ ...params, stream: true }, { signal });
    for await (const event of stream) {
      streaming = true;
      switch (event.type) {
        case 'message_start': {
          const u = event.message.usage;
          outcome.usage = {
            inputTokens: u.input_tokens ?? 0,
            outputTokens: u.output_tokens ?? 0,
            cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
            cacheReadTokens: u.cache_read_input_tokens ?? 0,
          };
          break;
        }
        case 'content_block_start':
          if (event.content_block.type === 'tool_use' && event.content_block.name === tool.name && toolIndex === -1) {
            toolIndex = event.index;
            outcome.toolUseId = event.content_block.id;
          }
          break;
        case 'content_block_delta':
          if (event.index === toolIndex && event.delta.type === 'input_json_delta') {
            outcome.json += event.delta.partial_json;
            for (const element of parser.push(event.delta.partial_json)) accept(element);
          } else if (event.delta.type === 'text_delta') {
            outcome.text += event.delta.text;
          }
          break;
        case 'message_delta': {
          const u = event.usage;
          outcome.usage = {
            inputTokens: u.input_tokens ?? outcome.usage.inputTokens,
            outputTokens: u.output_tokens ?? outcome.usage.outputTokens,
            cacheWriteTokens: u.cache_creation_input_tokens ?? outcome.usage.cacheWriteTokens,
            cacheReadTokens: u.cache_read_input_tokens ?? outcome.usage.cacheReadTokens,
          };
          onTokens(outcome.usage.outputTokens);
          break;
        }
        case 'message_stop':
          outcome.complete = true;
          break;
      }
    }
    if (signal.aborted) outcome.error = { code: 'CANCELLED', message: 'Cancelled.' };
    else if (!outcome.complete) outcome.error = { code: 'STREAM_CUT', message: 'The reply stopped before it was complete; the finding that was cut off was dropped.' };
  } catch (error) {
    outcome.error = classifyError(error, { aborted: signal.aborted, streaming });
  }
  return outcome;
}
