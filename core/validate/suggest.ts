/** A criterion as parts, so it can be written in whichever style the spec already uses (FR-6). */
export interface SuggestedCriterion {
  given: string[];
  when: string;
  then: string[];
}

export type SpecStyle = 'gherkin' | 'ears' | 'plain';

/** The style most of a spec's criteria use (ties → Gherkin sentences, the sample's). */
export function styleOf(criteria: readonly { style: SpecStyle }[]): SpecStyle {
  const counts: Record<SpecStyle, number> = { gherkin: 0, ears: 0, plain: 0 };
  for (const c of criteria) counts[c.style] += 1;
  return counts.ears > counts.gherkin && counts.ears > counts.plain ? 'ears' : counts.plain > counts.gherkin ? 'plain' : 'gherkin';
}

const list = (parts: readonly string[]): string => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`);

/** Writes the parts as one criterion in the given style; every part is a phrase the step library binds. */
export function renderSuggestion(s: SuggestedCriterion, style: SpecStyle): string {
  if (style === 'ears') {
    const cond = s.given.length > 0 ? `WHEN ${list(s.given)} and ${s.when}` : `WHEN ${s.when}`;
    return `${cond}, THE system SHALL ensure that ${list(s.then)}.`;
  }
  if (style === 'plain') return `${capital(list([...s.given, s.when]))}, then ${list(s.then)}.`;
  const given = s.given.length > 0 ? `Given ${list(s.given)}, when ${s.when}` : `When ${s.when}`;
  return `${given}, then ${list(s.then)}.`;
}

const capital = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
