/**
 * Ctrl+T, "Go to Symbol in Workspace": the workspace symbol providers asked with what is typed
 * (VS Code asks again per query: servers such as tsserver answer nothing for an empty one),
 * their answers in a quick pick; the picked symbol resolved if it came without a range.
 */
import type { WorkspaceSymbolDto } from "../../../protocol/language-features.js";
import { fromRange } from "./editor/language-convert.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const showWorkspaceSymbols = async (
  services: WorkbenchServices,
  onError: (message: string) => void,
): Promise<void> => {
  const lf = services.editor.languageFeatures.lf;
  // Every answer's host cache, released once the pick is over.
  const caches = new Set<number>();
  const answers = new Map<number, { cacheId: number; symbol: WorkspaceSymbolDto }>();
  let nextKey = 0;
  const picked = await new Promise<number | null>((resolve) =>
    services.quickInput.set({
      kind: "query",
      placeHolder: "Go to Symbol in Workspace",
      search: async (query, signal) => {
        const { cacheId, symbols } = await lf.workspaceSymbols({ query }, { timeoutMs: 10_000, signal });
        caches.add(cacheId);
        return symbols.map((symbol) => {
          const key = nextKey++;
          answers.set(key, { cacheId, symbol });
          return {
            key,
            label: symbol.name,
            description: symbol.containerName || decodeURIComponent(symbol.location.uri.split("/").pop() ?? ""),
          };
        });
      },
      resolve,
    }),
  );
  // The Enter that picked is still being dispatched: focusing the editor now would type it there.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const chosen = picked === null ? undefined : answers.get(picked);
  try {
    if (!chosen) return;
    const { cacheId, symbol } = chosen;
    // A provider may leave the range to resolveWorkspaceSymbol.
    const location = symbol.location.range
      ? symbol.location
      : (await lf.resolveWorkspaceSymbol({ cacheId, index: symbol.index })).location;
    // At the symbol's start, as VS Code's symbol quick access does (the range may be a whole class).
    const start = location.range?.start;
    await services.editor.languageFeatures.models.open(location.uri, start ? fromRange({ start, end: start }) : null);
  } catch (e) {
    onError(`Go to Symbol in Workspace: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    for (const id of caches) lf.releaseCache(id);
  }
};
