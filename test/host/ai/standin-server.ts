import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Anthropic Messages API: the one fake the project allows. Tests
 * script a queue of replies; the real `@anthropic-ai/sdk` talks to it through `baseURL`.
 * It speaks POST /v1/messages as JSON or as SSE (message_start, content_block_start,
 * content_block_delta with input_json_delta, content_block_stop, message_delta with usage,
 * message_stop) and records every request: headers, parsed body, which auth header came,
 * and whether the client closed the connection before the reply ended.
 */

export interface UsageOverride {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

export type ScriptedReply =
  /** An HTTP error answer (401, 429, 500, 529…), with optional headers such as retry-after. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string }
  /** A tool call whose input streams in `chunks` (use `findingChunks` to build them). */
  | {
      kind: 'tool';
      name: string;
      chunks: string[];
      /** Pause before each chunk after the first, in ms. */
      delayMs?: number;
      /** Pause before the first chunk (after the headers and message_start). */
      firstDelayMs?: number;
      /** Delay before sending the response headers at all (timeouts). */
      headersDelayMs?: number;
      usage?: UsageOverride;
      /** Stop after this many chunks: `end` closes the response cleanly, `destroy` drops the socket. */
      cut?: { afterChunks: number; how: 'end' | 'destroy' };
      /** After the chunks, keep the response open until the client goes away (cancel tests). */
      holdOpen?: boolean;
    }
  /** The model answering in prose instead of calling the tool. */
  | { kind: 'text'; text: string };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body. */
  body: Record<string, unknown>;
  auth: 'bearer' | 'x-api-key' | 'none';
  /** The credential as received (the stand-in is test-only; tests check what was sent). */
  credential: string | null;
  /** The client closed the connection before the stand-in finished the reply. */
  closedByClient: boolean;
  /** `performance.now()` when each delta chunk was written. */
  chunkSentAt: number[];
  /** `performance.now()` when the request arrived, and when the stand-in ended its reply (or the client left). */
  receivedAt: number;
  endedAt: number | null;
  /** Resolves when the exchange is over (finished or closed by the client). */
  done: Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/** Splits a tool input into chunks so each element of `arrayKey` ends exactly at a chunk end; optionally finer. */
export function findingChunks(input: Record<string, unknown>, arrayKey = 'findings', pieceSize = 0): string[] {
  const items = input[arrayKey];
  if (!Array.isArray(items)) throw new Error(`input has no array "${arrayKey}"`);
  const rest = { ...input };
  delete rest[arrayKey];
  const head = `{${JSON.stringify(arrayKey)}: [`;
  const parts: string[] = [];
  items.forEach((item, i) => parts.push((i === 0 ? head : ', ') + JSON.stringify(item)));
  if (items.length === 0) parts.push(head);
  const tailProps = Object.entries(rest).map(([k, v]) => `, ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join('');
  parts.push(`]${tailProps}}`);
  if (pieceSize <= 0) return parts;
  return parts.flatMap((p) => {
    const out: string[] = [];
    for (let i = 0; i < p.length; i += pieceSize) out.push(p.slice(i, i + pieceSize));
    return out;
  });
}

export class StandinServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ScriptedReply[] = [];
  private readonly cachePrefixes = new Set<string>();
  private waiters: Array<() => void> = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<StandinServer> {
    const server = createServer();
    const standin = new StandinServer(server);
    server.on('request', (req, res) => void standin.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standin;
  }

  /** What to pass as the SDK's `baseURL`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  enqueue(...replies: ScriptedReply[]): void {
    this.queue.push(...replies);
  }

  /** Replies not consumed yet (a test can check that every scripted reply was used). */
  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once `count` requests have arrived. */
  async waitForRequests(count: number): Promise<void> {
    while (this.requests.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      body = {};
    }
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
    const apiKey = typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : null;
    let finish!: () => void;
    const record: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: { ...req.headers },
      body,
      auth: authorization?.startsWith('Bearer ') ? 'bearer' : apiKey ? 'x-api-key' : 'none',
      credential: authorization?.startsWith('Bearer ') ? authorization.slice(7) : apiKey,
      closedByClient: false,
      chunkSentAt: [],
      receivedAt: performance.now(),
      endedAt: null,
      done: new Promise<void>((resolve) => (finish = resolve)),
    };
    res.on('close', () => {
      if (!res.writableFinished) record.closedByClient = true;
      record.endedAt ??= performance.now();
      finish();
    });
    this.requests.push(record);
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());

    if (req.method !== 'POST' || !(req.url ?? '').startsWith('/v1/messages')) {
      return this.sendError(res, 404, 'the stand-in only speaks POST /v1/messages');
    }
    const reply = this.queue.shift();
    if (!reply) return this.sendError(res, 500, 'the stand-in has no scripted reply left');
    if (reply.kind === 'status') return this.sendError(res, reply.status, reply.message ?? `scripted ${reply.status}`, reply.headers);
    if (reply.kind === 'tool' && reply.headersDelayMs) await sleep(reply.headersDelayMs);
    if (res.destroyed) return;
    const usage = this.usageFor(body, reply.kind === 'tool' ? reply.usage : undefined);
    if (body.stream === true) await this.stream(res, record, body, reply, usage);
    else this.sendMessage(res, body, reply, usage);
  }

  /** Simulated prompt caching: the prefix up to the block marked cache_control is written once, then read. */
  private usageFor(body: Record<string, unknown>, override: UsageOverride | undefined) {
    const system = Array.isArray(body.system) ? (body.system as Array<Record<string, unknown>>) : [];
    const breakpoint = system.findIndex((b) => b.cache_control !== undefined);
    const all = JSON.stringify(body);
    let cached = 0;
    let write = 0;
    let read = 0;
    if (breakpoint !== -1) {
      const prefix = JSON.stringify([body.model, body.tools, system.slice(0, breakpoint + 1)]);
      cached = Math.ceil(prefix.length / 4);
      if (this.cachePrefixes.has(prefix)) read = cached;
      else {
        this.cachePrefixes.add(prefix);
        write = cached;
      }
    }
    return {
      input_tokens: Math.max(1, Math.ceil(all.length / 4) - cached),
      output_tokens: 0,
      cache_creation_input_tokens: write,
      cache_read_input_tokens: read,
      ...override,
    };
  }

  private sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
    // No x-should-retry header: whether to retry is left to the SDK's own policy, which is what the tests check.
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } }));
  }

  private sendMessage(res: ServerResponse, body: Record<string, unknown>, reply: Exclude<ScriptedReply, { kind: 'status' }>, usage: Record<string, number>): void {
    const content =
      reply.kind === 'tool'
        ? [{ type: 'tool_use', id: 'toolu_standin', name: reply.name, input: JSON.parse(reply.chunks.join('')) as unknown }]
        : [{ type: 'text', text: reply.text }];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...messageShell(body), content, stop_reason: reply.kind === 'tool' ? 'tool_use' : 'end_turn', usage: { ...usage, output_tokens: 42 } }));
  }

  private async stream(res: ServerResponse, record: RecordedRequest, body: Record<string, unknown>, reply: Exclude<ScriptedReply, { kind: 'status' }>, usage: Record<string, number>): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    let flushed: Promise<void> = Promise.resolve();
    const send = (event: string, data: unknown) => {
      if (res.destroyed) return;
      flushed = new Promise<void>((resolve) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`, () => resolve()));
    };
    send('message_start', { type: 'message_start', message: { ...messageShell(body), content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } });
    let outputTokens = 1;
    if (reply.kind === 'text') {
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: reply.text } });
      send('content_block_stop', { type: 'content_block_stop', index: 0 });
      outputTokens += Math.ceil(reply.text.length / 4);
    } else {
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: `toolu_${this.requests.length}`, name: reply.name, input: {} } });
      for (let i = 0; i < reply.chunks.length; i++) {
        if (reply.cut && i === reply.cut.afterChunks) {
          // Let what was written reach the client first, as a real dropped connection would.
          await flushed;
          await sleep(20);
          if (reply.cut.how === 'destroy') res.socket?.destroy();
          else res.end();
          return;
        }
        const wait = i === 0 ? reply.firstDelayMs : reply.delayMs;
        if (wait) await sleep(wait);
        if (res.destroyed) return;
        send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: reply.chunks[i] } });
        record.chunkSentAt.push(performance.now());
        outputTokens += Math.ceil(reply.chunks[i].length / 4);
      }
      if (reply.holdOpen) {
        await record.done;
        return;
      }
      send('content_block_stop', { type: 'content_block_stop', index: 0 });
    }
    send('message_delta', { type: 'message_delta', delta: { stop_reason: reply.kind === 'tool' ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: outputTokens } });
    send('message_stop', { type: 'message_stop' });
    // The reply is over from here: the client may start its next request as soon as it reads this.
    record.endedAt = performance.now();
    res.end();
  }
}

function messageShell(body: Record<string, unknown>) {
  return { id: `msg_standin_${Date.now()}`, type: 'message', role: 'assistant', model: String(body.model ?? 'unknown'), stop_sequence: null };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
