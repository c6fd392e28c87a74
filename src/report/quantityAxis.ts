/**
 * A quantitative axis's number format for values up to `largest` in magnitude: SI prefixes from 10⁴
 * (a billion written B, not SI's G: `1.5B`, not `1.5G`), else up to three significant digits with
 * thousands separators. Long numbers such as `600,000,000` crowd an axis and are misread by a digit.
 *
 * @param largest - The largest absolute value on the axis.
 * @returns The vega-lite `axis` properties (`format`, `labelExpr` for B, `tickCount`).
 * @example
 * quantityAxis(6e8); // { format: '.2~s', labelExpr: "replace(datum.label, 'G', 'B')", tickCount: 4 }
 */
export function quantityAxis(largest: number): { format: string; labelExpr?: string; tickCount: number } {
  return largest >= 1e4 ? { format: '.2~s', labelExpr: "replace(datum.label, 'G', 'B')", tickCount: 4 } : { format: ',.3~r', tickCount: 4 };
}
