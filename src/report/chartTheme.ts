import type { Config } from 'vega-lite';

/** Font stack of every chart: fonts found on the reader's machine, nothing downloaded. */
export const CHART_FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

/** Dark ink of fans and bars: one hue, so bands read by lightness in greyscale prints. */
export const INK = '#1f4e79';

/** Grey of event windows behind time series. */
export const EVENT_GREY = '#b0b0b0';

/** Orange of the foreign actor's rule-driven measures (retaliation) behind time series: apart from the scripted events' grey. */
export const RULE_ORANGE = '#e8a15c';

/** Purple of the foreign actor's rule-driven price wars behind a price row: apart from retaliation's orange. */
export const PRICE_WAR_PURPLE = '#9e7cc1';

/**
 * The charts' common look (vega-lite `config`): white background, the report's font, left-aligned
 * titles with a grey subtitle, quiet grid, axis titles in normal weight.
 */
export const CHART_CONFIG: Config = {
  background: 'white',
  font: CHART_FONT,
  padding: 8,
  title: { anchor: 'start', fontSize: 14, fontWeight: 'bold', subtitleFontSize: 11.5, subtitleColor: '#444', offset: 6 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    labelColor: '#222',
    titleColor: '#222',
    gridColor: '#e6e6e6',
    domainColor: '#888',
    tickColor: '#888',
  },
  header: { labelFontSize: 11, titleFontSize: 11 },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' },
  view: { stroke: null },
  concat: { spacing: 14 },
};
