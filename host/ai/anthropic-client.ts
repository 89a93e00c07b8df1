import Anthropic from '@anthropic-ai/sdk';

export interface ClientConfig {
  apiKey: string;
  baseURL: string | null;
  maxRetries: number;
  timeoutMs: number;
}

/**
 * The SDK client for one pass. The key is passed explicitly, so the SDK reads no credential
 * from the environment or from profile files, and its own logging is off: the key must never
 * reach a log (the SDK redacts auth headers, but off is simpler to trust).
 */
export function createAnthropicClient(config: ClientConfig): Anthropic {
  return new Anthropic({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    maxRetries: config.maxRetries,
    timeout: config.timeoutMs,
    logLevel: 'off',
  });
}
