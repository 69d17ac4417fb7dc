/** Ctrl+T, "Go to Symbol in Workspace": the workspace symbol providers' answers in the quick pick. */
import type { WorkbenchServices } from "./workbench-services.js";

export const showWorkspaceSymbols = async (
  services: WorkbenchServices,
  onError: (message: string) => void,
): Promise<void> => {
  const lf = services.editor.languageFeatures.lf;
  let found;
  try {
    found = await lf.workspaceSymbols({ query: "" }, { timeoutMs: 10_000 });
  } catch (e) {
    onError(`Go to Symbol in Workspace: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const { cacheId, symbols } = found;
  const picked = await new Promise<number | null>((resolve) =>
    services.quickInput.set({
      kind: "pick",
      request: {
        placeHolder: "Go to Symbol in Workspace",
        items: symbols.map((s) => ({
          label: s.name,
          description: s.containerName || decodeURIComponent(s.location.uri.split("/").pop() ?? ""),
        })),
      },
      resolve,
    }),
  );
  // The Enter that picked is still being dispatched: focusing the editor now would type it there.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const symbol = picked === null ? undefined : symbols[picked];
  try {
    if (!symbol) return;
    // A provider may leave the range to resolveWorkspaceSymbol.
    const location = symbol.location.range
      ? symbol.location
      : (await lf.resolveWorkspaceSymbol({ cacheId, index: symbol.index })).location;
    const r = location.range;
    await services.editor.languageFeatures.models.open(
      location.uri,
      r
        ? {
            startLineNumber: r.start.line + 1,
            startColumn: r.start.character + 1,
            endLineNumber: r.end.line + 1,
            endColumn: r.end.character + 1,
          }
        : null,
    );
  } catch (e) {
    onError(`Go to Symbol in Workspace: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    lf.releaseCache(cacheId);
  }
};
