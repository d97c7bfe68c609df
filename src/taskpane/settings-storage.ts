/**
 * CheckSettings persisted in localStorage. Every access is guarded: Office webviews and private
 * windows may have no storage or throw on access, and a stored value may come from an older version.
 */
import { DEFAULT_SETTINGS, type CheckSettings, type TolerancePolicy } from "../domain/findings";
import { S } from "./strings";

export const SETTINGS_STORAGE_KEY = "juesuan.checkSettings.v1";

function storage(): Storage | null {
  try {
    return typeof localStorage !== "undefined" ? localStorage : null;
  } catch {
    return null;
  }
}

export function loadSettings(): CheckSettings {
  const store = storage();
  if (!store) return DEFAULT_SETTINGS;
  try {
    const raw = store.getItem(SETTINGS_STORAGE_KEY);
    return raw ? sanitizeSettings(JSON.parse(raw)) : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Saves; false when the environment refuses storage. */
export function saveSettings(settings: CheckSettings): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings));
    return true;
  } catch {
    return false;
  }
}

const DECIMALS = [0, 1, 2] as const;

export function isValidAmount(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text.trim());
}

/** Anything parsed from storage → valid settings (unknown or broken fields fall back to defaults). */
export function sanitizeSettings(value: unknown): CheckSettings {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const pickDecimals = (x: unknown, fallback: 0 | 1 | 2): 0 | 1 | 2 =>
    DECIMALS.includes(x as 0 | 1 | 2) ? (x as 0 | 1 | 2) : fallback;
  let tolerance: TolerancePolicy = DEFAULT_SETTINGS.tolerance;
  const t = v.tolerance as Record<string, unknown> | undefined;
  if (t && t.kind === "strict") tolerance = { kind: "strict" };
  else if (t && t.kind === "envelope") tolerance = { kind: "envelope" };
  else if (t && t.kind === "fixed" && typeof t.amount === "string" && isValidAmount(t.amount)) tolerance = { kind: "fixed", amount: t.amount.trim() };
  return {
    tolerance,
    percentDecimals: pickDecimals(v.percentDecimals, DEFAULT_SETTINGS.percentDecimals),
    reverseFormula: v.reverseFormula === "ratio" || v.reverseFormula === "pmkpi" ? v.reverseFormula : DEFAULT_SETTINGS.reverseFormula,
    scoreDecimals: pickDecimals(v.scoreDecimals, DEFAULT_SETTINGS.scoreDecimals),
  };
}

/** Settings as short zh-CN facts shown with the results ("百分比小数位=2"). */
export function describeSettings(settings: CheckSettings): string[] {
  const d = S.describeSettings;
  const tolerance =
    settings.tolerance.kind === "envelope" ? d.envelope : settings.tolerance.kind === "strict" ? d.strict : d.fixed(settings.tolerance.amount);
  return [tolerance, d.percentDecimals(settings.percentDecimals), d.reverse(settings.reverseFormula), d.scoreDecimals(settings.scoreDecimals)];
}
