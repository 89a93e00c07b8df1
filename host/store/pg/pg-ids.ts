/**
 * PostgreSQL ids are INTEGER (32-bit): a larger number sent as a parameter is an "out of range"
 * error, where SQLite simply finds no row. Callers answer NOT_FOUND for such ids before asking.
 */
export function fitsInt(n: number): boolean {
  return Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;
}
