/** View: Reopen Closed Editor's list: newest first, no duplicates, bounded, skipping what cannot reopen. */
import { describe, expect, it } from "vitest";
import { rememberClosed, takeClosed } from "../../src/renderer/src/workbench/files/closed-editors.js";

const all = async (owner: object): Promise<string[]> => {
  const out: string[] = [];
  for (let uri = await takeClosed(owner, async () => true); uri; uri = await takeClosed(owner, async () => true))
    out.push(uri);
  return out;
};

describe("closed editors", () => {
  it("gives the most recently closed first; closing one again moves it to the top", async () => {
    const owner = {};
    for (const u of ["a", "b", "c", "a"]) rememberClosed(owner, u);
    expect(await all(owner)).toEqual(["a", "c", "b"]);
    expect(await takeClosed(owner, async () => true)).toBeUndefined();
  });

  it("keeps the last 20", async () => {
    const owner = {};
    for (let i = 0; i < 25; i++) rememberClosed(owner, `f${i}`);
    const left = await all(owner);
    expect(left).toHaveLength(20);
    expect(left[0]).toBe("f24");
    expect(left.at(-1)).toBe("f5");
  });

  it("skips (and drops) entries that cannot be reopened, e.g. deleted files", async () => {
    const owner = {};
    for (const u of ["a", "gone", "b-gone"]) rememberClosed(owner, u);
    expect(await takeClosed(owner, async (u) => !u.includes("gone"))).toBe("a");
    expect(await all(owner)).toEqual([]);
  });

  it("keeps one list per window", async () => {
    const w1 = {};
    const w2 = {};
    rememberClosed(w1, "x");
    expect(await all(w2)).toEqual([]);
    expect(await all(w1)).toEqual(["x"]);
  });
});
