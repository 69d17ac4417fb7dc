/**
 * The code editor: CodeMirror 6 (modular, no eval or workers, so it runs under our strict CSP;
 * its change sets map one-to-one onto the protocol's incremental edits). Completions and
 * hovers come from extensions through the extension host; diagnostics from the Problems store.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { markdown } from "@codemirror/lang-markdown";
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, hoverTooltip, keymap, lineNumbers, highlightActiveLine, drawSelection } from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { DiagnosticDto } from "../../../protocol/workbench.js";
import { offsetOf, toTextChanges } from "./editor-changes.js";
import type { WorkbenchServices } from "./workbench-services.js";

const languageSupport = (languageId: string): Extension[] => {
  switch (languageId) {
    case "javascript":
    case "javascriptreact":
      return [javascript({ jsx: true })];
    case "typescript":
    case "typescriptreact":
      return [javascript({ typescript: true, jsx: languageId === "typescriptreact" })];
    case "json":
      return [json()];
    case "markdown":
      return [markdown()];
    default:
      return [];
  }
};

const COMPLETION_TYPES: Record<string, string> = {
  Function: "function",
  Method: "method",
  Variable: "variable",
  Class: "class",
  Keyword: "keyword",
  Property: "property",
  Constant: "constant",
  Text: "text",
};

const SEVERITY: Record<DiagnosticDto["severity"], Diagnostic["severity"]> = {
  error: "error",
  warning: "warning",
  information: "info",
  hint: "hint",
};

const theme = EditorView.theme(
  {
    "&": { height: "100%", backgroundColor: "#1e1e1e", color: "#d4d4d4" },
    ".cm-content": { fontFamily: "ui-monospace, Menlo, Consolas, monospace", fontSize: "13px", caretColor: "#aeafad" },
    ".cm-gutters": { backgroundColor: "#1e1e1e", color: "#858585", border: "none" },
    ".cm-activeLine": { backgroundColor: "#2a2d2e" },
    ".cm-activeLineGutter": { backgroundColor: "#2a2d2e" },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground": { backgroundColor: "#264f78" },
    ".cm-tooltip": { backgroundColor: "#252526", border: "1px solid #454545", color: "#ccc" },
  },
  { dark: true },
);

export const EditorPane = ({ services, uri }: { services: WorkbenchServices; uri: string }) => {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const { documents, host: extHost } = services;

  useEffect(() => {
    const doc = documents.get(uri);
    if (!host.current || !doc) return;
    const position = (state: EditorState, offset: number) => {
      const line = state.doc.lineAt(offset);
      return { line: line.number - 1, character: offset - line.from };
    };
    const completions = async (context: CompletionContext): Promise<CompletionResult | null> => {
      const word = context.matchBefore(/[\w$-]*/);
      if (!word || (word.from === word.to && !context.explicit)) return null;
      // CodeMirror aborts a completion it no longer wants: the host cancels the providers' tokens.
      const controller = new AbortController();
      context.addEventListener("abort", () => controller.abort(), { onDocChange: true });
      const version = documents.get(uri)?.version ?? 0;
      const items = await extHost
        .provideCompletions(
          { uri, version, position: position(context.state, context.pos) },
          { timeoutMs: 5_000, signal: controller.signal },
        )
        .catch(() => []);
      return {
        from: word.from,
        options: items.map((i) => ({
          label: i.label,
          ...(i.detail ? { detail: i.detail } : {}),
          ...(i.documentation ? { info: i.documentation } : {}),
          ...(i.insertText ? { apply: i.insertText } : {}),
          type: COMPLETION_TYPES[i.kind ?? ""] ?? "text",
        })),
      };
    };
    const hover = hoverTooltip(async (v, pos) => {
      const version = documents.get(uri)?.version ?? 0;
      const result = await extHost
        .provideHover({ uri, version, position: position(v.state, pos) }, { timeoutMs: 5_000 })
        .catch(() => null);
      if (!result || result.contents.length === 0) return null;
      return {
        pos,
        create: () => {
          const dom = document.createElement("div");
          dom.className = "hover";
          dom.setAttribute("data-testid", "hover");
          // Markdown is shown as text: extensions must not inject HTML into the workbench.
          dom.textContent = result.contents.join("\n\n").replace(/\*\*/g, "");
          return { dom };
        },
      };
    });
    const state = EditorState.create({
      doc: doc.text,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        highlightSelectionMatches(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [completions] }),
        hover,
        lintGutter(),
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap, ...searchKeymap]),
        ...languageSupport(doc.languageId),
        theme,
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          documents.edit(uri, update.state.doc.toString(), toTextChanges(update.startState.doc, update.changes));
        }),
      ],
    });
    const editor = new EditorView({ state, parent: host.current });
    view.current = editor;
    const showDiagnostics = () => {
      const all = [...services.diagnostics.get().values()].flatMap((byUri) => byUri.get(uri) ?? []);
      const d = editor.state.doc;
      editor.dispatch(
        setDiagnostics(
          editor.state,
          all.map((x) => ({
            from: offsetOf(d, x.range.start),
            to: Math.max(offsetOf(d, x.range.start), offsetOf(d, x.range.end)),
            severity: SEVERITY[x.severity],
            message: x.message,
            ...(x.source ? { source: x.source } : {}),
          })),
        ),
      );
    };
    showDiagnostics();
    const off = services.diagnostics.subscribe(showDiagnostics);
    editor.focus();
    return () => {
      off();
      editor.destroy();
      view.current = undefined;
    };
    // The editor is created once per document; its text then lives in CodeMirror.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [uri]);

  return <div className="editor" ref={host} data-testid="editor" data-uri={uri} />;
};
