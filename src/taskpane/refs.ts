/** Qualified cell references as findings and provenance print them ("收入决算表!C7", "'Sheet 1'!D7"). */

export interface CellRef {
  sheet: string;
  /** A1 of the first cell (a range "C7:D9" yields "C7") */
  address: string;
}

export function parseQualifiedRef(ref: string): CellRef | null {
  const bang = ref.lastIndexOf("!");
  if (bang <= 0) return null;
  let sheet = ref.slice(0, bang);
  const address = ref.slice(bang + 1).split(":")[0].replace(/\$/g, "");
  if (!/^[A-Za-z]{1,3}\d+$/.test(address)) return null;
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet ? { sheet, address: address.toUpperCase() } : null;
}
