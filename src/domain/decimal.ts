/**
 * The one Decimal used for money, rates and scores everywhere in the engine.
 * Half-up rounding (四舍五入, like Excel ROUND) and enough precision that no sum of a
 * 10,000-row table ever loses a digit. No JavaScript number may carry an amount.
 */
import DecimalBase from "decimal.js";

export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

/** Round half-up (away from zero for negatives, like Excel ROUND) to `dp` decimals. */
export function roundHalfUp(value: Decimal, dp: number): Decimal {
  return value.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
