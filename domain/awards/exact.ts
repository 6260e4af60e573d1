/**
 * Exact arithmetic for shares, thresholds and quotas. Percentages and fractions are written as decimals in the rule
 * data (70, 0.8, 15, 66.5); each is read back as the decimal it was written as (its shortest round-trip form, so
 * 0.7 is 7/10, not the binary double 0.6999…) and every comparison is done in integers (BigInt), so "exactly 70%"
 * or "exactly 80% of all members" is never lost to floating-point error.
 */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** The decimal a number was written as, as an exact ratio: 0.8 → 8/10, 66.5 → 665/10, 1e-7 → 1/10000000. */
export const exactDecimal = (value: number): Ratio => {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const negative = value < 0;
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  let num = BigInt(whole + fraction);
  let den = 10n ** BigInt(fraction.length);
  const shift = Number(exponent);
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  return { num: negative ? -num : num, den };
};

export const assertCount = (name: string, value: number): void => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
};

export const assertPercent = (name: string, value: number): void => {
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new RangeError(`${name} must be a percentage in [0, 100], got ${value}`);
};

export type Comparison = 'at-least' | 'more-than';

/** count/total compared with percent% exactly: at-least is 100·count ≥ percent·total, more-than is 100·count > percent·total. */
export const compareShare = (count: number, total: number, percent: number, comparison: Comparison): boolean => {
  const { num, den } = exactDecimal(percent);
  const left = 100n * BigInt(count) * den;
  const right = num * BigInt(total);
  return comparison === 'at-least' ? left >= right : left > right;
};

/** count/total ≥ fraction exactly (fraction in [0, 1]). */
export const reachesFraction = (count: number, total: number, fraction: number): boolean => {
  const { num, den } = exactDecimal(fraction);
  return BigInt(count) * den >= num * BigInt(total);
};

/** The least count with count/total ≥ fraction: ⌈fraction·total⌉, in integers. */
export const ceilFractionOf = (fraction: number, total: number): number => {
  const { num, den } = exactDecimal(fraction);
  const product = num * BigInt(total);
  return Number((product + den - 1n) / den);
};

/** ⌊percent·n/100⌋, in integers. */
export const floorPercentOf = (percent: number, n: number): number => {
  const { num, den } = exactDecimal(percent);
  return Number((num * BigInt(n)) / (100n * den));
};
