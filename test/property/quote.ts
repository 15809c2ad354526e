/**
 * Quoting for the test's own SQL, written independently of src/render/quote.ts so
 * the suite does not share a bug with the code under test.
 */
export const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const qn = (x: { schema: string; name: string }): string => `${q(x.schema)}.${q(x.name)}`;
/** A standard-conforming string literal (backslashes are plain characters). */
export const lit = (value: string): string => `'${value.replace(/'/g, "''")}'`;
