import type { SpecDocument, SpecSection } from '../../spec/model.js';
import { findSection } from '../anchor.js';
import type { Finding, FindingDraft, Severity } from '../finding.js';
import { toFinding } from '../identity.js';
import { OFFLINE_PASS } from '../offline/reviewer.js';

/**
 * Review rules for the Product Ops template (FR-3): the sections that make a decision
 * meeting short — why each alternative lost, performance with numbers and load, a rollout
 * with a flag, a migration plan and monitoring, and security that names data and access.
 */

/** Six-part lint rules that assume FR/AC/edge-case sections and so do not fit Product Ops specs. */
export const SIX_PART_ONLY_RULES: ReadonlySet<string> = new Set([
  'lint/cross/no-acceptance-criteria',
  'lint/cross/uncovered-fr',
  'lint/cross/untested-edge-case',
  'lint/cross/undefined-endpoint',
  'lint/cross/error-code-mismatch',
  'lint/cross/error-code-alias',
  'lint/cross/unspecified-status',
  'lint/cross/unspecified-edge-case',
]);

const REASON = /\b(reject\w*|because|since|as it|lost|ruled out|not chosen|discard\w*|dropp\w*|too (slow|costly|expensive|complex|risky)|would (need|require|mean|cost|add|break|send)|drawbacks?|downsides?|instead|cannot|can't|does not|doesn't|fails? to|out of scope|deferred)\b/i;
const NUMBER_UNIT = /\b\d[\d,.]*\s*(ms|milliseconds?|s|sec|seconds?|minutes?|min|hours?|%|percent|rps|qps|req\/s|requests? (per|a) (second|minute)|rows?|mb|gb|kb|tb|users?|events?|items?|x)(?!\w)|\bp(50|90|95|99)\b/i;
const LOAD = /\b(concurrent|per second|per minute|\/s\b|rps|qps|throughput|at \d[\d,]*|peak|load|traffic|users?|requests? per|tenants?|organisations?|rows per|events per)\b/i;

interface Check {
  rule: string;
  section: string;
  severity: Severity;
  problem: string;
  why: string;
  suggestion: string;
  quote?: string;
}

function body(section: SpecSection | undefined): string {
  return section?.body ?? '';
}

/** The options listed under Alternatives Considered: list items, H3 headings or paragraphs. */
export function alternativeOptions(text: string): Array<{ name: string; text: string; quote: string }> {
  const blocks: string[] = [];
  const lines = text.split(/\r?\n/);
  let current: string[] = [];
  const flush = () => {
    const t = current.join('\n').trim();
    if (t) blocks.push(t);
    current = [];
  };
  for (const line of lines) {
    if (/^\s{0,3}(?:[-*+]|\d+[.)])\s+/.test(line) || /^###\s+/.test(line) || line.trim() === '') flush();
    if (line.trim() !== '') current.push(line);
  }
  flush();
  return blocks
    .filter((b) => !/^\|/.test(b))
    .map((b) => {
      const first = b.split(/\r?\n/)[0].replace(/^\s{0,3}(?:[-*+]|\d+[.)]|###)\s+/, '');
      const emphasised = /^(\*\*|__|\*|_)(.+?)\1/.exec(first);
      const name = (emphasised ? emphasised[2] : first.split(/[.:—–]\s/)[0]).replace(/[.:]+$/, '').trim();
      return { name: name.length > 80 ? `${name.slice(0, 79)}…` : name, text: b, quote: first };
    })
    .filter((o) => o.name.length > 0);
}

function checks(doc: SpecDocument): Check[] {
  const out: Check[] = [];
  const get = (key: string) => findSection(doc, key)?.section;
  const missingSection = (key: string, title: string, what: string): Check => ({
    rule: `product-ops/missing-${key}`,
    section: key,
    severity: 'medium',
    problem: `The spec has no ${title} section.`,
    why: `Without it the reviewers in the decision meeting, and any agent implementing the spec, have to guess ${what}.`,
    suggestion: `Add "## ${title}" covering ${what}.`,
  });

  const alternatives = get('alternatives');
  if (!alternatives) out.push(missingSection('alternatives', 'Alternatives Considered', 'which other approaches were weighed and why each lost'));
  else {
    for (const option of alternativeOptions(body(alternatives))) {
      if (REASON.test(option.text)) continue;
      out.push({
        rule: 'product-ops/alternative-without-reason',
        section: 'alternatives',
        severity: 'medium',
        quote: option.quote,
        problem: `Alternative "${option.name}" is listed without a reason for rejecting it.`,
        why: 'An option without the reason it lost is reopened in review and, in implementation, may be picked up again as a "simpler" route.',
        suggestion: `Say why "${option.name}" was rejected: the constraint it breaks, what it would cost, or what would make it worth revisiting.`,
      });
    }
  }

  const performance = get('performance');
  if (!performance) out.push(missingSection('performance', 'Performance Requirements', 'latency, throughput and scale targets with numbers'));
  else {
    const text = body(performance);
    const lines = text.split(/\r?\n/).map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim()).filter((l) => l.length > 0 && !l.startsWith('|'));
    for (const line of lines) {
      if (NUMBER_UNIT.test(line)) continue;
      out.push({
        rule: 'product-ops/performance-unquantified',
        section: 'performance',
        severity: 'medium',
        quote: line,
        problem: 'A performance requirement has no number with a unit.',
        why: 'Without a figure and unit nobody can test it, and an agent will take any result as good enough.',
        suggestion: 'Give a number with its unit and the percentile, e.g. "p95 under 200 ms".',
      });
    }
    if (!LOAD.test(text)) {
      out.push({
        rule: 'product-ops/performance-no-load',
        section: 'performance',
        severity: 'medium',
        problem: 'The performance targets do not say under what load they must hold.',
        why: 'A latency target met by one user says nothing about peak traffic; load tests and capacity plans need the load.',
        suggestion: 'State the load each target holds at: requests per second, concurrent users or jobs, data volume.',
      });
    }
  }

  const rollout = get('rollout');
  if (!rollout) out.push(missingSection('rollout', 'Rollout Plan', 'the feature flag strategy, the data migration plan and monitoring'));
  else {
    const text = body(rollout);
    const need: Array<[string, RegExp, string, string]> = [
      ['rollout-no-flag', /\b(feature[- ]flag|flag|toggle|kill[- ]switch|percentage|canary|gradual|cohort)/i, 'how the feature is switched on and off (a flag strategy)', 'Name the flag, its default, who it is enabled for in which order, and how it is turned off.'],
      ['rollout-no-migration', /\b(migrat\w*|backfill\w*|schema change|additive|no data change|no migration)/i, 'the data migration plan', 'Say what data changes ship (or that none do), whether a backfill runs, and how it is reversed.'],
      ['rollout-no-monitoring', /\b(monitor\w*|dashboards?|alert\w*|metrics?|observab\w*)/i, 'what is monitored during the rollout', 'Name the metrics watched, the alert thresholds and what triggers a rollback.'],
    ];
    for (const [rule, re, what, suggestion] of need) {
      if (re.test(text)) continue;
      out.push({
        rule: `product-ops/${rule}`,
        section: 'rollout',
        severity: 'medium',
        problem: `The rollout plan does not cover ${what}.`,
        why: 'Left out, the feature ships to everyone at once with no way back and nobody watching.',
        suggestion,
      });
    }
  }

  const security = get('security');
  if (!security) out.push(missingSection('security', 'Security & Privacy', 'the data handled and who may access it'));
  else {
    const text = body(security);
    if (!/\b(personal data|pii|e-?mail|address\w*|names?|records?|fields?|payment|card|files?|tokens?|logs?|events?|reports?|documents?|messages?|revenue|financial|figures|customer\w*|data (handled|stored|processed))\b/i.test(text)) {
      out.push({
        rule: 'product-ops/security-no-data',
        section: 'security',
        severity: 'medium',
        problem: 'Security & Privacy does not name the data the feature handles.',
        why: 'Protections cannot be judged without knowing what is protected; an agent will log or copy whatever it is given.',
        suggestion: 'List the data the feature reads, stores and sends, marking personal or sensitive fields.',
      });
    }
    if (!/\b(role\w*|permission\w*|only [\w\s-]{0,40}(may|can)|admins?|owners?|access control|authori[sz]\w*|forbidden|403)\b/i.test(text)) {
      out.push({
        rule: 'product-ops/security-no-access',
        section: 'security',
        severity: 'high',
        problem: 'Security & Privacy does not say who may access the data or the feature.',
        why: 'Without an access rule an agent protects the routes the way the nearest example does, or not at all.',
        suggestion: 'Name the roles allowed to use each operation and what others receive (e.g. 403 {"error":"FORBIDDEN"}).',
      });
    }
  }
  return out;
}

/** Findings of the Product Ops rules; empty for a spec in another template. */
export function productOpsFindings(doc: SpecDocument): Finding[] {
  if (doc.template !== 'product-ops') return [];
  return checks(doc).map((c) => {
    const draft: FindingDraft = { section: c.section, quote: c.quote ?? '', problem: c.problem, whyAnAgentWouldGuess: c.why, suggestion: c.suggestion, severity: c.severity };
    return toFinding(draft, OFFLINE_PASS, { offline: true, rule: c.rule });
  });
}
