/** Sheet names the add-in creates: valid for Excel and never one a sheet already has. No Office.js here. */

/** `base`, else "base(2)", "base(3)" … — Excel compares sheet names case-insensitively; 31 characters at most. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** At most 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31);
  return cleaned || "说明";
}

