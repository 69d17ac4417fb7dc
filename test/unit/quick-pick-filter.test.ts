/** An extension quick pick's filter (renderer/src/workbench/quick-pick-filter.ts), VS Code's rules on fzf. */
import { describe, expect, it } from "vitest";
import type { QuickPickItemDto } from "../../src/protocol/contracts/quick-input.js";
import { filterQuickPick, type QuickPickRow } from "../../src/renderer/src/workbench/quick-pick-filter.js";

const items: QuickPickItemDto[] = [
  { handle: 0, label: "Colours", separator: true },
  { handle: 1, label: "red", description: "#f00" },
  { handle: 2, label: "green", description: "#0f0", detail: "the colour of grass" },
  { handle: 3, label: "blue", description: "#00f" },
  { handle: 4, label: "Commands", separator: true },
  { handle: 5, label: "abc-xyz-b" },
  { handle: 6, label: "b" },
  { handle: 7, label: "Help", alwaysShow: true },
];
const defaults = { matchOnDescription: false, matchOnDetail: false, sortByLabel: true };
const labels = (rows: QuickPickRow[]) => rows.map((r) => r.item.label);
const marked = (text: string, positions: ReadonlySet<number>) =>
  [...text].map((c, i) => (positions.has(i) ? c.toUpperCase() : c)).join("");

describe("filterQuickPick", () => {
  it("an empty query shows everything in order, separators included, nothing highlighted", () => {
    const rows = filterQuickPick(items, "  ", defaults);
    expect(labels(rows)).toEqual(items.map((i) => i.label));
    expect(rows.every((r) => r.label.size === 0)).toBe(true);
  });

  it("matches labels fuzzily and case-insensitively, with the matched characters", () => {
    const rows = filterQuickPick(items, "GRN", defaults);
    // alwaysShow keeps Help, after the matches.
    expect(labels(rows)).toEqual(["green", "Help"]);
    expect(marked("green", rows[0]!.label)).toBe("GReeN");
    expect(rows[1]!.label.size).toBe(0);
  });

  it("description and detail only match with matchOnDescription / matchOnDetail, highlighted there", () => {
    expect(labels(filterQuickPick(items, "0f", defaults))).toEqual(["Help"]);
    const rows = filterQuickPick(items, "0f", { ...defaults, matchOnDescription: true });
    expect(labels(rows)).toEqual(["green", "blue", "Help"]);
    expect(marked("#0f0", rows[0]!.description)).toBe("#0F0");
    expect(labels(filterQuickPick(items, "grass", defaults))).toEqual(["Help"]);
    const byDetail = filterQuickPick(items, "grass", { ...defaults, matchOnDetail: true });
    expect(labels(byDetail)).toEqual(["green", "Help"]);
    expect(marked("the colour of grass", byDetail[0]!.detail)).toBe("the colour of GRASS");
  });

  it("sortByLabel puts the best label match first and drops separators; without it items keep their place under their separators", () => {
    expect(labels(filterQuickPick(items, "b", defaults))).toEqual(["b", "blue", "abc-xyz-b", "Help"]);
    expect(labels(filterQuickPick(items, "b", { ...defaults, sortByLabel: false }))).toEqual([
      "Colours",
      "blue",
      "Commands",
      "abc-xyz-b",
      "b",
      "Help",
    ]);
  });
});
