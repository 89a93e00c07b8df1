import type { Place } from '../../types.js';

/** Places listed per cross-section finding; the message still counts them all (AC-6: a bounded report). */
export const MAX_PLACES = 20;

export function capped(places: Place[]): Place[] {
  return places.length > MAX_PLACES ? places.slice(0, MAX_PLACES) : places;
}
