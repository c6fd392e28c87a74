/**
 * The report's inline stylesheet: system fonts only (nothing downloaded), readable line length,
 * tables and callouts that do not rely on colour, sideways scrolling of wide tables and charts on
 * a phone, and print rules for A4 (margins, no split figures or table rows, link targets hidden).
 */
export const REPORT_STYLES = `
:root { --ink: #111; --muted: #555; --rule: #d0d0d0; --accent: #1f4e79; --soft: #f4f6f8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 24px 20px 48px; }
/* Text keeps a readable measure; charts and tables get the wider column, so a 900 px chart is drawn at its size (scaled to 740 px, its 10.5 px labels read as 8.7 px). */
main > p, main > ul, main > ol, main > h1, main > h2, section > p, section > ul, section > h2, section > h3, section > h4, nav.toc, .answer, .callout, .warning, figcaption { max-width: 780px; }
h1 { font-size: 26px; line-height: 1.2; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-top: 8px; border-top: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 22px 0 6px; }
p { margin: 8px 0; }
.lead { font-size: 17px; margin: 6px 0 10px; }
.meta { color: var(--muted); font-size: 13px; }
nav.toc { background: var(--soft); border-left: 4px solid var(--accent); padding: 8px 14px; margin: 18px 0; font-size: 14px; }
nav.toc ol { margin: 4px 0; padding-left: 20px; }
nav.toc a { color: var(--ink); }
.answer { border: 2px solid var(--accent); background: #fff; padding: 8px 14px; margin: 14px 0; }
.answer p.answer-h { margin: 2px 0; font-size: 16px; }
.answer ul { margin: 4px 0; padding-left: 20px; }
/* Materials side by side where two columns of 380 px fit (a phone and A4 print keep one). */
.answer.side-by-side { max-width: none; }
.answer ul.answer-materials { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 380px), 1fr)); column-gap: 28px; }
.answer li { margin: 3px 0; }
.answer ul.answer-lines { margin: 0.1em 0 0.3em; padding-left: 1.1em; font-size: 0.9em; line-height: 1.3; }
.answer ul.answer-lines li { margin: 1px 0; }
.answer p.note { line-height: 1.35; margin: 4px 0 2px; }
.answer p.helps code span { white-space: nowrap; }
/* The compare box's details (stockpiles run by run, quota rent) right under it, quieter. */
.answer.answer-detail { border: 1px solid var(--rule); background: var(--soft); margin-top: -6px; }
.callout { border: 1px solid var(--rule); border-left: 4px solid var(--accent); background: var(--soft); padding: 10px 14px; margin: 12px 0; }
.callout h3 { margin-top: 4px; }
.callout ul { margin: 6px 0; padding-left: 20px; }
.callout li { margin: 4px 0; }
.note { font-size: 13px; color: var(--muted); }
.warning { border: 2px dashed #333; padding: 8px 12px; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 13px; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td { overflow-wrap: break-word; }
caption { text-align: left; caption-side: top; padding-bottom: 4px; }
table.kv td:first-child { white-space: nowrap; width: 1%; padding-right: 14px; }
/* Hashes (commit, sources, scenario) are 40–64 characters with no break: let them wrap anywhere. */
table.kv td + td { overflow-wrap: anywhere; }
tbody tr:nth-child(even) { background: #fafafa; }
table.sources td { font-size: 12px; }
/* Seven columns of figures and long event names: smaller type, and names may wrap anywhere, so the table keeps to the text's width. */
table.controls { font-size: 12px; }
table.controls td:first-child { overflow-wrap: anywhere; }
ul.cited { margin: 4px 0 0; padding-left: 16px; color: var(--muted); font-size: 11.5px; }
table.events td:nth-child(3) { min-width: 11em; }
table.events td:nth-child(6), table.sources td:nth-child(2) { overflow-wrap: anywhere; }
table.events td:nth-child(6) { font-size: 12px; }
table.scenarios td { overflow-wrap: anywhere; }
table.scenarios td:nth-child(3) { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 11px; }
code, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 12.5px; }
pre { background: var(--soft); border: 1px solid var(--rule); padding: 8px 10px; white-space: pre-wrap; word-break: break-all; }
figure.chart { margin: 16px 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
.files a { color: var(--accent); }
.not-measured { font-style: italic; color: var(--muted); }
/* A phone: wide tables and charts scroll sideways inside their own box instead of widening the page, and charts keep their natural size (shrunk to 350 px, their text was 3–4 px). */
@media screen and (max-width: 640px) {
  main { padding: 16px 12px 32px; overflow-wrap: break-word; }
  table { display: block; overflow-x: auto; }
  figure.chart { overflow-x: auto; }
  figure.chart svg { max-width: none; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 18pt; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure.chart, .callout, .answer, tr, pre { break-inside: avoid; page-break-inside: avoid; }
  .files { display: none; }
  nav.toc { background: none; }
  a { color: inherit; text-decoration: none; }
  tbody tr:nth-child(even) { background: none; }
}
`;
