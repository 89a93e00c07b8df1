import type { Model } from '@anthropic-ai/sdk/resources/messages';

/** The SDK's named model ids, without its open-ended `string` escape hatch. */
export type KnownModel = Model extends infer M ? (M extends string ? (string extends M ? never : M) : never) : never;

/**
 * Default model: the newest Sonnet in the SDK's model list (`Model` in
 * @anthropic-ai/sdk 1.11), a balance of review quality and price. Typed as `KnownModel`, so
 * an SDK upgrade that drops it fails to compile here.
 */
export const DEFAULT_MODEL: KnownModel = 'claude-sonnet-5-5';

/** Offered in Settings; any other id can still be typed in. */
export const SUGGESTED_MODELS: readonly KnownModel[] = ['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-haiku-5-5', 'claude-sonnet-4-6', 'claude-opus-4-8'];
