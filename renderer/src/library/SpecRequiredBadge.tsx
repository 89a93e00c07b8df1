import type { SpecListItem } from '../../../core/contract/ops/specs.js';

/** The stored "spec required?" recommendation on a Library row; its reasons are the tooltip. */
export function SpecRequiredBadge({ value }: { value: SpecListItem['specRequired'] }) {
  if (!value) return null;
  return (
    <span
      className={`tag ${value.recommended ? 'tag-accent' : 'tag-muted'}`}
      title={value.reasons.join('\n')}
      data-testid="spec-required-badge"
      data-recommended={String(value.recommended)}
    >
      {value.recommended ? 'spec required' : 'no spec needed'}
    </span>
  );
}
