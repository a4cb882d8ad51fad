// Every list in the report is one of these: a header row and a row per item, or a line saying
// there is nothing when there are no rows.
import { html, type Html, type HtmlPart } from "./html";

export function dataTable(
  headers: readonly string[],
  rows: readonly HtmlPart[],
  empty: string,
): Html {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table>
    <thead>
      <tr>
        ${headers.map((header) => html`<th>${header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
