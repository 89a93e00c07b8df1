/**
 * Pulls the elements of one top-level array (e.g. `findings` in `{"findings": [...]}`) out
 * of a JSON text that arrives in pieces. Each element is returned once, as soon as its last
 * character has arrived; an element still open when the text stops is never returned, so a
 * cut-off stream yields exactly the complete elements.
 *
 * One pass over each character, no re-parsing of the buffer: the cost per chunk is the
 * chunk's length plus the JSON.parse of the elements it completes.
 */
export class JsonArrayStreamParser {
  private buffer = '';
  private pos = 0;
  private depth = 0;
  private inString = false;
  private escape = false;
  private stringStart = -1;
  private lastString: string | null = null;
  private pendingKey: string | null = null;
  /** Depth inside the target array, or -1 before/after it. */
  private arrayDepth = -1;
  private elementStart = -1;
  private finished = false;
  /** Elements that were complete but not valid JSON (should not happen with real JSON). */
  readonly errors: string[] = [];

  constructor(private readonly key: string) {}

  /** Adds a piece of the JSON text; returns the elements it completed, in order. */
  push(chunk: string): unknown[] {
    this.buffer += chunk;
    const out: unknown[] = [];
    const b = this.buffer;
    for (let i = this.pos; i < b.length; i++) {
      const c = b[i];
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === '\\') this.escape = true;
        else if (c === '"') {
          this.inString = false;
          if (this.depth === 1) this.lastString = decodeKey(b.slice(this.stringStart, i + 1));
          if (this.inArray() && this.elementStart === this.stringStart) this.emit(i + 1, out);
        }
        continue;
      }
      switch (c) {
        case '"':
          this.inString = true;
          this.stringStart = i;
          if (this.inArray() && this.elementStart === -1) this.elementStart = i;
          break;
        case '{':
        case '[':
          if (this.inArray() && this.elementStart === -1) this.elementStart = i;
          if (this.depth === 1 && c === '[' && this.pendingKey === this.key && !this.finished) this.arrayDepth = 2;
          if (this.depth === 1) this.pendingKey = null;
          this.depth++;
          break;
        case '}':
        case ']':
          if (this.arrayDepth !== -1 && this.depth === this.arrayDepth) {
            // The target array closes: a pending primitive element ends here.
            if (this.elementStart !== -1) this.emit(i, out);
            this.arrayDepth = -1;
            this.finished = true;
          }
          this.depth--;
          if (this.arrayDepth !== -1 && this.depth === this.arrayDepth && this.elementStart !== -1) this.emit(i + 1, out);
          break;
        case ':':
          if (this.depth === 1) this.pendingKey = this.lastString;
          break;
        case ',':
          if (this.inArray() && this.elementStart !== -1) this.emit(i, out);
          if (this.depth === 1) this.pendingKey = null;
          break;
        default:
          if (this.inArray() && this.elementStart === -1 && !/\s/.test(c)) this.elementStart = i;
      }
    }
    this.pos = b.length;
    return out;
  }

  /** Everything received so far (the raw reply, kept for inspection when it is invalid). */
  get text(): string {
    return this.buffer;
  }

  /** An element has started but not finished: what a cut-off stream leaves behind. */
  get hasPartialElement(): boolean {
    return this.elementStart !== -1;
  }

  /** The array's closing bracket has been seen. */
  get complete(): boolean {
    return this.finished;
  }

  private inArray(): boolean {
    return this.arrayDepth !== -1 && this.depth === this.arrayDepth;
  }

  private emit(end: number, out: unknown[]): void {
    const raw = this.buffer.slice(this.elementStart, end).trim();
    this.elementStart = -1;
    if (raw === '') return;
    try {
      out.push(JSON.parse(raw));
    } catch (error) {
      this.errors.push(`${error instanceof Error ? error.message : String(error)}: ${raw.slice(0, 200)}`);
    }
  }
}

function decodeKey(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}
