import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { HostError } from '../../../../host/common/host-error.js';
import type { StoreContract } from '../../../../host/store/contract/store-contract.js';
import { sample } from '../helpers.js';
import type { Backend } from './backends.js';

/** Shared set-up of the review contract tests: a store with a profile and the magic-link spec. */

export const MAGIC_LINK = sample('magic-link.md');
export const AC4_PHRASE = 'used_at is already set';
export const FR8_PHRASE = '15 minutes have passed';
export const FR1_WORDS = 'whose JSON body has the shape';
export const AUTHOR = { name: 'Priya Author', email: 'priya@example.com' };
export const SAM = { name: 'Sam Reviewer', email: 'sam@example.com' };

/** Start and end of the first occurrence of `phrase` in `text`. */
export function range(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `"${phrase}" is in the text`);
  return { start, end: start + phrase.length };
}

/** A rejection check for assert.rejects: a HostError with this code (and message). */
export const code = (expected: string, message?: RegExp) => (error: unknown) => {
  assert.ok(error instanceof HostError, `expected a HostError, got ${String(error)}`);
  assert.equal(error.code, expected, error.message);
  if (message) assert.match(error.message, message);
  return true;
};

export interface ReviewSetup {
  store: StoreContract;
  reviews: ReturnType<StoreContract['reviews']>;
  specId: number;
}

/** A fresh store of `backend` whose profile is the author and which holds the magic-link spec. */
export async function authorWithSpec(backend: Backend, t: TestContext): Promise<ReviewSetup> {
  const store = await backend.open(t);
  const reviews = store.reviews();
  await reviews.setProfile(AUTHOR);
  const { spec } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: MAGIC_LINK, fileName: 'magic-link.md' } });
  return { store, reviews, specId: spec.id };
}
