/**
 * The Outline view: the active document's symbols (document symbol providers, VS Code's
 * outline), refreshed as it changes; a click selects the symbol in the editor.
 */
import { useEffect, useState } from "react";
import type { DocumentSymbolDto } from "../../../protocol/language-features.js";
import { fromRange } from "./editor/language-convert.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

const REFRESH_MS = 300;

export const OutlineView = ({ services }: { services: WorkbenchServices }) => {
  const uri = useStore(services.documents.active);
  // Symbols of the document they were read from: another document shows "Loading…" until its own arrive.
  const [loaded, setLoaded] = useState<{ uri: string; symbols: ReadonlyArray<DocumentSymbolDto> }>();
  const symbols = loaded && loaded.uri === uri ? loaded.symbols : undefined;
  useEffect(() => {
    if (!uri) return;
    const model = services.documents.model(uri);
    if (!model) return;
    let controller: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      services.editor.languageFeatures.lf
        .documentSymbols({ uri, version: model.getVersionId() }, { signal: current.signal, timeoutMs: 10_000 })
        .then(
          (list) => !current.signal.aborted && setLoaded({ uri, symbols: list }),
          () => !current.signal.aborted && setLoaded({ uri, symbols: [] }),
        );
    };
    load();
    const changes = model.onDidChangeContent(() => {
      clearTimeout(timer);
      timer = setTimeout(load, REFRESH_MS);
    });
    // Providers that register after the document opened (activation) fill the outline then.
    const off = services.editor.languageFeatures.onProvidersChanged(load);
    return () => {
      controller?.abort();
      clearTimeout(timer);
      changes.dispose();
      off();
    };
  }, [services, uri]);
  if (!uri) return <div className="tree-note">No editor is open.</div>;
  if (!symbols) return <div className="tree-note">Loading…</div>;
  if (symbols.length === 0) return <div className="tree-note">No symbols in this document.</div>;
  const item = (s: DocumentSymbolDto, depth: number) => (
    <li key={`${s.name}:${s.range.start.line}:${s.range.start.character}`}>
      <button
        type="button"
        className="tree-item"
        style={{ paddingLeft: 8 + depth * 12 }}
        data-testid="outline-item"
        data-name={s.name}
        onClick={() => void services.editor.languageFeatures.models.open(uri, fromRange(s.selectionRange))}
      >
        {s.name}
        {s.detail ? <span className="outline-detail"> {s.detail}</span> : null}
      </button>
      {s.children.length > 0 && <ul className="tree">{s.children.map((c) => item(c, depth + 1))}</ul>}
    </li>
  );
  return (
    <ul className="tree" data-testid="outline">
      {symbols.map((s) => item(s, 0))}
    </ul>
  );
};
