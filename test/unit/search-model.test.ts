import { describe, expect, it } from "vitest";
import type { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import type { Proxy } from "../../src/protocol/rpc-contract.js";
import type { FindInFilesRequest, FindInFilesSummary } from "../../src/protocol/search.js";
import type { Documents } from "../../src/renderer/src/workbench/documents.js";
import { MAX_MATCHES, SearchModel } from "../../src/renderer/src/workbench/search/search-model.js";

/** A host whose findInFiles stays pending until the test resolves it (or the signal aborts it). */
const pendingHost = () => {
  const calls: Array<{ request: FindInFilesRequest; signal: AbortSignal; resolve: (s: FindInFilesSummary) => void }> =
    [];
  const host = {
    findInFiles: (request: FindInFilesRequest, options?: { signal?: AbortSignal }) =>
      new Promise<FindInFilesSummary>((resolve, reject) => {
        const signal = options!.signal!;
        signal.addEventListener("abort", () => reject(new Error("cancelled")));
        calls.push({ request, signal, resolve });
      }),
  } as unknown as Proxy<typeof ExtHostContract>;
  return { host, calls };
};
const match = (line: number) => ({ line, column: 0, length: 1, preview: "x", previewColumn: 0 });

describe("SearchModel (the window's side of Find in Files)", () => {
  it("keeps only the running search's batches; a new query aborts the previous request", async () => {
    const { host, calls } = pendingHost();
    const model = new SearchModel(host, {} as Documents);
    model.options.update((o) => ({ ...o, pattern: "x" }));
    void model.run();
    const first = calls[0]!;
    model.onResults({ searchId: first.request.searchId, files: [{ uri: "file:///a", matches: [match(0)] }] });
    expect(model.state.get().matches).toBe(1);

    void model.run();
    expect(first.signal.aborted).toBe(true);
    const second = calls[1]!;
    model.onResults({ searchId: first.request.searchId, files: [{ uri: "file:///late", matches: [match(0)] }] });
    expect(model.state.get().files).toEqual([]);
    model.onResults({ searchId: second.request.searchId, files: [{ uri: "file:///b", matches: [match(3)] }] });
    second.resolve({ files: 1, matches: 1, truncated: false, skipped: 0 });
    await Promise.resolve();
    await Promise.resolve();
    expect(model.state.get()).toMatchObject({ status: "done", matches: 1, files: [{ uri: "file:///b" }] });
  });

  it("cancel stops taking batches; the window caps matches and says so", () => {
    const { host, calls } = pendingHost();
    const model = new SearchModel(host, {} as Documents);
    model.options.update((o) => ({ ...o, pattern: "x" }));
    void model.run();
    const id = calls[0]!.request.searchId;
    const many = Array.from({ length: MAX_MATCHES + 5 }, (_, i) => match(i));
    model.onResults({ searchId: id, files: [{ uri: "file:///big", matches: many }] });
    expect(model.state.get()).toMatchObject({ matches: MAX_MATCHES, truncated: true });
    model.cancel();
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(model.state.get().status).toBe("cancelled");
    model.onResults({ searchId: id, files: [{ uri: "file:///after", matches: [match(0)] }] });
    expect(model.state.get().files.map((f) => f.uri)).toEqual(["file:///big"]);
  });

  it("a bad regex is an error message, not a request", async () => {
    const { host, calls } = pendingHost();
    const model = new SearchModel(host, {} as Documents);
    model.options.update((o) => ({ ...o, pattern: "(", isRegExp: true }));
    await model.run();
    expect(calls).toHaveLength(0);
    expect(model.state.get().status).toBe("error");
    expect(model.state.get().message).toMatch(/Invalid regular expression/);
  });
});
