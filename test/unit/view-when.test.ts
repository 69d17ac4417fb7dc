/** `when` clauses of contributed views and welcome content (renderer/src/workbench/views/when.ts). */
import { describe, expect, it } from "vitest";
import { evaluateWhen } from "../../src/renderer/src/workbench/views/when.js";

describe("evaluateWhen", () => {
  const context = { workspaceFolderCount: 1, workbenchState: "folder", "myExt.enabled": true, lang: "typescript" };

  it("no clause is true; keys are truthy, unknown keys falsy, ! negates", () => {
    expect(evaluateWhen(undefined, context)).toBe(true);
    expect(evaluateWhen("myExt.enabled", context)).toBe(true);
    expect(evaluateWhen("myExt.missing", context)).toBe(false);
    expect(evaluateWhen("!myExt.missing", context)).toBe(true);
  });

  it("compares with ==, !=, numbers and regexes", () => {
    expect(evaluateWhen("workbenchState == folder", context)).toBe(true);
    expect(evaluateWhen("workbenchState == 'empty'", context)).toBe(false);
    expect(evaluateWhen("workbenchState != empty", context)).toBe(true);
    expect(evaluateWhen("workspaceFolderCount > 0", context)).toBe(true);
    expect(evaluateWhen("workspaceFolderCount >= 2", context)).toBe(false);
    expect(evaluateWhen("lang =~ /^type/", context)).toBe(true);
    expect(evaluateWhen("lang =~ /(/", context)).toBe(false);
  });

  it("&& binds tighter than ||", () => {
    expect(evaluateWhen("myExt.missing && workbenchState == folder || myExt.enabled", context)).toBe(true);
    expect(evaluateWhen("myExt.missing || workbenchState == empty && myExt.enabled", context)).toBe(false);
  });
});
