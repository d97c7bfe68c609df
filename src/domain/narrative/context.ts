/** What every section template receives. */
import { qualify } from "../address";
import type { MoneyUnit, RecognizedTable } from "../model";
import { TableSource } from "./source";
import type { NarrativeOptions } from "./types";

export interface NarrativeContext {
  options: NarrativeOptions;
  current: TableSource;
  /** last year's tables, when given */
  previous: TableSource | null;
  year: number | null;
  /** where the year was read (the title cell of the table it came from) */
  yearSources: string[];
  unitName: string | null;
  /** unit every amount is printed in */
  unit: MoneyUnit;
}

const PREFERRED_ORDER = [
  "income-expenditure-summary",
  "fiscal-summary",
  "income",
  "expenditure",
  "general-budget-expenditure",
] as const;

export function createContext(tables: readonly RecognizedTable[], options: NarrativeOptions): NarrativeContext {
  const current = new TableSource(tables);
  const ordered = [...PREFERRED_ORDER.map((k) => current.find(k)).filter((t): t is RecognizedTable => !!t), ...tables];
  const withYear = ordered.find((t) => t.year !== null);
  const withName = ordered.find((t) => t.unitName);
  const withUnit = ordered.find((t) => t.unit !== null);
  return {
    options,
    current,
    previous: options.previous && options.previous.length > 0 ? new TableSource(options.previous) : null,
    year: withYear?.year ?? null,
    yearSources: withYear ? [qualify(withYear.sheet, withYear.titleCell.address)] : [],
    unitName: withName?.unitName ?? null,
    unit: withUnit?.unit ?? "万元",
  };
}
