// The tiles at the top: the counts an auditor looks at first, the worrying ones in red.
import { html, type Html } from "./html";
import type { ReviewFindings } from "./findings";
import type { VendorNames } from "./labels";

interface Tile {
  readonly label: string;
  readonly count: number;
  /** Shown in red when the count is above zero. */
  readonly alarming: boolean;
  readonly detail?: string;
  readonly target: string;
}

function tile({ label, count, alarming, detail, target }: Tile): Html {
  const tone = alarming ? (count > 0 ? "alert" : "ok") : "";
  return html`<a class="tile ${tone}" href="#${target}">
    <div class="count">${count}</div>
    <div class="label">${label}</div>
    ${detail !== undefined && html`<div class="label">${detail}</div>`}</a
  >`;
}

export function summarySection(findings: ReviewFindings, names: VendorNames): Html {
  const { orphans, dormant } = findings;
  const tiles: Tile[] = [
    { label: "people", count: findings.matrix.length, alarming: false, target: "matrix" },
    { label: "accounts", count: findings.accountCount, alarming: false, target: "matrix" },
    {
      label: "admins and owners",
      count: findings.privilegedCount,
      alarming: false,
      target: "matrix",
    },
    {
      label: "leavers with access",
      count: findings.leavers.length,
      alarming: true,
      target: "leavers",
    },
    {
      label: "orphaned accounts",
      count: orphans.accounts.length,
      alarming: true,
      detail: `${orphans.grants.length} orphaned grant(s)`,
      target: "orphans",
    },
    {
      label: `dormant accounts (${findings.dormantAfterDays}+ days)`,
      count: dormant.accounts.length,
      alarming: true,
      detail:
        dormant.notReported.length > 0
          ? `not reported by ${dormant.notReported.map(names).join(", ")}`
          : undefined,
      target: "dormant",
    },
    {
      label: "vendors not fully read",
      count: findings.incompleteVendors.length,
      alarming: true,
      detail:
        findings.incompleteVendors.length > 0
          ? findings.incompleteVendors.map(names).join(", ")
          : undefined,
      target: "matrix",
    },
  ];
  return html`<section id="summary">
    <h2>Summary</h2>
    <div class="tiles">${tiles.map(tile)}</div>
  </section>`;
}
