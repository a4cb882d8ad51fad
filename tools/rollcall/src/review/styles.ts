// The report's only stylesheet, inlined into the page. Colours repeat what the text says (each
// badge names its privilege), so the page reads the same in greyscale and in print.
export const REVIEW_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d8dde6; --bg: #f6f7fa; --alert: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 20px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.meta, p.note { color: var(--muted); margin: 4px 0; }
nav a { color: var(--ink); margin-right: 14px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
a.tile { display: block; text-decoration: none; color: inherit; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: var(--bg); }
.tile .count { font-size: 30px; font-weight: 700; line-height: 1.1; }
.tile .label { color: var(--muted); font-size: 13px; }
.tile.alert { border: 2px solid var(--alert); background: #fdecea; }
.tile.alert .count { color: var(--alert); }
.tile.ok .count { color: #1e6b35; }
.warning { border: 2px solid var(--alert); background: #fdecea; border-radius: 6px; padding: 8px 12px; margin: 8px 0; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: #eef1f6; position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #fafbfc; }
td.person small, td.cell small { display: block; color: var(--muted); }
.badge { display: inline-block; min-width: 64px; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; text-align: center; border: 1px solid transparent; }
.b-owner { background: #5b1a8f; color: #fff; }
.b-admin { background: #c0392b; color: #fff; }
.b-member { background: #1f5fa8; color: #fff; }
.b-limited { background: #d7ecd9; color: #1e4d2b; border-color: #8fbf96; }
.b-unknown { background: #fff; color: #444; border: 1px dashed #777; }
.b-none { background: transparent; color: #9aa1ad; font-weight: 400; }
.b-not-read { background: #fff3cd; color: #7a4b00; border: 1px solid #d9a400; }
.legend .badge { margin-right: 6px; }
.empty { color: var(--muted); font-style: italic; }
@media print {
  body { padding: 0; font-size: 11px; }
  nav { display: none; }
  thead { display: table-header-group; }
  thead th { position: static; }
  tr, .tile { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
