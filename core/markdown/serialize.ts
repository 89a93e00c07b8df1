/**
 * Writes a document back: the preamble and every section's heading and body exactly as held.
 * Nothing is regenerated, so what was not edited comes back byte for byte.
 */
export function serializeSpec(doc: { preamble: string; sections: ReadonlyArray<{ headingRaw: string; body: string }> }): string {
  let out = doc.preamble;
  for (const section of doc.sections) out += section.headingRaw + section.body;
  return out;
}
