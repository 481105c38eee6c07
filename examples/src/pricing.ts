export function applyDiscount(totalCents: number, percent: number): number {
  if (percent < 0 || percent > 100) throw new RangeError('percent must be between 0 and 100');
  return Math.round(totalCents * (1 - percent / 100));
}
