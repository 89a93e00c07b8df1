import { useState } from 'react';
import type { ReviewThread } from '../../../core/contract/ops/review-threads.js';
import { revealInPane } from '../monaco/editor-registry.js';
import { commentActions, useComments } from './comments-store.js';
import { acceptSuggestionInEditor } from './suggestion-accept.js';

function where(thread: ReviewThread): string {
  if (thread.placement.status === 'outdated') return `outdated · made on v${thread.selector.versionNumber ?? '?'}`;
  return thread.placement.requirementId ?? thread.placement.section;
}

/** One thread: its quote, place, comments (tombstones shown), reply, resolve/reopen, suggestion actions. */
export function ThreadCard({ thread }: { thread: ReviewThread }) {
  const [reply, setReply] = useState('');
  const me = useComments((s) => s.profile);
  const range = useComments((s) => s.paneRanges[thread.id]);
  const outdated = thread.placement.status === 'outdated';
  return (
    <li className={`thread thread-${thread.severity}${outdated ? ' thread-outdated' : ''}`} data-testid="thread" data-status={thread.status} data-thread-id={thread.id}>
      <button className="thread-quote" disabled={!range} onClick={() => range && revealInPane(range.paneId, range.start, range.end - range.start)} title={outdated ? 'The quoted text is no longer in the spec' : 'Show in the editor'}>
        <span className="thread-where" data-testid="thread-where">{where(thread)}</span>
        <q data-testid="thread-quote">{thread.selector.exact}</q>
      </button>
      <div className="thread-meta">
        <span className={`badge badge-${thread.severity}`}>{thread.severity}</span>
        {thread.pending && <span className="badge">pending</span>}
        {thread.status === 'resolved' && <span className="badge">resolved</span>}
      </div>
      <ul className="thread-comments">
        {thread.comments.map((c) => (
          <li key={c.id} className={c.deletedAt ? 'comment-deleted' : ''} data-testid="thread-comment">
            <strong>{c.author.name}</strong>
            {c.conflictOf && <span className="badge badge-blocking">conflict</span>} {c.deletedAt ? <em>deleted</em> : <span data-testid="thread-comment-body">{c.body}</span>}
            {c.author.id === me?.id &&
              (c.deletedAt ? (
                <button className="link" onClick={() => void commentActions.undoRemove(c.id)}>
                  undo
                </button>
              ) : (
                <button className="link" onClick={() => void commentActions.remove(c.id)}>
                  delete
                </button>
              ))}
          </li>
        ))}
      </ul>
      {thread.suggestion && (
        <div className="thread-suggestion">
          Suggests: <code>{thread.suggestion.text}</code>
          {thread.suggestion.state === 'open' ? (
            <>
              <button disabled={!thread.suggestion.canAccept} title={thread.suggestion.reason ?? 'Replace the quoted text'} onClick={() => void acceptSuggestionInEditor(thread)} data-testid="suggestion-accept">
                Accept
              </button>
              <button onClick={() => void commentActions.reject(thread.id)}>Reject</button>
              {thread.suggestion.reason && <small className="muted">{thread.suggestion.reason}</small>}
            </>
          ) : (
            <small className="muted"> {thread.suggestion.state}</small>
          )}
        </div>
      )}
      <form
        className="thread-reply"
        onSubmit={(e) => {
          e.preventDefault();
          if (reply.trim()) void commentActions.reply(thread.id, reply.trim()).then((ok) => ok && setReply(''));
        }}
      >
        <input value={reply} onChange={(e) => setReply(e.target.value)} placeholder="Reply… (@name to mention)" aria-label="Reply" />
        {thread.status === 'open' ? (
          <button type="button" onClick={() => void commentActions.resolve(thread.id)} data-testid="thread-resolve">
            Resolve
          </button>
        ) : (
          <button type="button" onClick={() => void commentActions.reopen(thread.id)} data-testid="thread-reopen">
            Reopen
          </button>
        )}
      </form>
    </li>
  );
}
