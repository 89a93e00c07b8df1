import type { HighlightedText } from '../../../core/contract/ops/search.js';

/** A search snippet: matched words in <mark>, everything as text (never HTML). */
export function Snippet({ parts }: { parts: HighlightedText }) {
  return (
    <span className="snippet" data-testid="search-snippet">
      {parts.map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}
