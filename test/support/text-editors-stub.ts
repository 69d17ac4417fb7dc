/**
 * The window's side of WorkbenchTextEditorsContract for extension-host tests that care about a
 * few methods only: the test's `overrides` answer those, every other method succeeds with
 * nothing to report (no document saved or failed, anything else `true`).
 */
import { WorkbenchTextEditorsContract } from "../../src/protocol/contracts/text-editors.js";
import type { Implementation } from "../../src/protocol/rpc-contract.js";

type TextEditors = Implementation<typeof WorkbenchTextEditorsContract>;

export const textEditorsStub = (overrides: Partial<TextEditors>): TextEditors =>
  Object.fromEntries(
    Object.keys(WorkbenchTextEditorsContract).map((k) => [
      k,
      overrides[k as keyof TextEditors] ?? (() => (k === "saveDocuments" ? { saved: [], failed: [] } : true)),
    ]),
  ) as unknown as TextEditors;
