/**
 * A paired change as a percentage of the level without the disruptions, one rule wherever the
 * report prints it (the key results chart's labels, the answer box, the findings and their table):
 * one decimal below 10%, none from 10% up; a change that rounds to under 0.1% says so. The chart
 * wrote "−9.6%" and the text, rounding to whole percents, "10% less" of the same figure (user
 * audit, session 32).
 *
 * @param percent - The change in percent (−9.6 for −9.6%).
 * @returns e.g. `−7.8%`, `+2.4%`, `+12%`, `0%` (under 0.05%), `<0.1%`; `n/a` for a value that is not finite.
 * @example
 * formatPercentChange(-9.6); // '−9.6%'
 */
export function formatPercentChange(percent: number): string {
  if (!Number.isFinite(percent)) return 'n/a';
  const size = Math.abs(percent);
  if (Number(size.toFixed(1)) === 0) return '0%';
  // 0.052% is not "+0.1%": changes that round up to 0.1% say they are under it.
  if (size < 0.1) return '<0.1%';
  // 9.96 is "10%", not "10.0%": the decimals follow the rounded size.
  const text = Number(size.toFixed(1)) >= 10 ? size.toFixed(0) : size.toFixed(1);
  return `${percent > 0 ? '+' : '−'}${text}%`;
}

/**
 * The size of such a change, for "… (9.6%) less" and "9.6% less than without them": the same digits
 * as {@link formatPercentChange}, without the sign; `under 0.1%` for a change that rounds below it.
 *
 * @param share - The change as a share of the level without (−0.096 for −9.6%).
 * @returns e.g. `9.6%`, `14%`, `under 0.1%`; '' for no change or a value that is not finite.
 */
export function formatPercentChangeSize(share: number): string {
  if (!Number.isFinite(share) || share === 0) return '';
  const text = formatPercentChange(share * 100);
  return text === '<0.1%' || text === '0%' ? 'under 0.1%' : text.replace(/^[+−]/, '');
}
