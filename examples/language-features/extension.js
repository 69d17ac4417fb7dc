// @ts-check
/**
 * A tiny language with every language-feature provider, registered as published extensions do.
 *
 *   def name            defines `name` (a symbol)
 *   use name            refers to it (a diagnostic when nothing defines it; Ctrl+. defines it)
 *   call name(a, b)     signature help after `(`
 *   begin … end         a folding region; #rrggbb a colour; https://… a link
 *
 * Names are looked up in every `.mini` file of the workspace folder (open documents first).
 */
const vscode = require("vscode");

const SELECTOR = { language: "mini" };
const WORD = /[A-Za-z_][\w]*/;
const KEYWORDS = ["def", "use", "call", "begin", "end"];

/** The `.mini` files of the workspace folders as read at activation (open documents win). */
/** @type {Map<string, { uri: vscode.Uri, text: string }>} */
const onDisk = new Map();
const readWorkspace = async () => {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const [name] of await vscode.workspace.fs.readDirectory(folder.uri)) {
      if (!name.endsWith(".mini")) continue;
      const uri = vscode.Uri.joinPath(folder.uri, name);
      onDisk.set(uri.toString(), { uri, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
    }
  }
};

/** @returns {Array<{ uri: vscode.Uri, text: string }>} */
const workspaceFiles = () => {
  const files = new Map(onDisk);
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.languageId === "mini") files.set(doc.uri.toString(), { uri: doc.uri, text: doc.getText() });
  }
  return [...files.values()];
};

/** @param {vscode.Uri} uri */
const basename = (uri) => uri.path.split("/").pop() ?? "";

/** Every whole-word occurrence of `name` in a text. @param {string} text @param {string} name */
const occurrences = (text, name) => {
  /** @type {vscode.Range[]} */
  const out = [];
  text.split("\n").forEach((line, i) => {
    const re = new RegExp(`\\b${name}\\b`, "g");
    for (let m = re.exec(line); m; m = re.exec(line)) out.push(new vscode.Range(i, m.index, i, m.index + name.length));
  });
  return out;
};

/** @param {string} text @returns {Array<{ name: string, range: vscode.Range }>} */
const definitions = (text) => {
  /** @type {Array<{ name: string, range: vscode.Range }>} */
  const out = [];
  text.split("\n").forEach((line, i) => {
    const m = /^(\s*def\s+)([A-Za-z_]\w*)/.exec(line);
    if (m && m[1] !== undefined && m[2] !== undefined)
      out.push({ name: m[2], range: new vscode.Range(i, m[1].length, i, m[1].length + m[2].length) });
  });
  return out;
};

/** @param {string} name */
const findDefinition = (name) => {
  for (const file of workspaceFiles()) {
    const def = definitions(file.text).find((d) => d.name === name);
    if (def) return new vscode.Location(file.uri, def.range);
  }
  return undefined;
};

/** @param {vscode.TextDocument} doc @param {vscode.Position} position */
const wordAt = (doc, position) => {
  const range = doc.getWordRangeAtPosition(position, WORD);
  return range ? { range, name: doc.getText(range) } : undefined;
};

/** @param {vscode.TextDocument} doc */
const lint = (doc) => {
  /** @type {vscode.Diagnostic[]} */
  const out = [];
  const known = new Set(workspaceFiles().flatMap((f) => definitions(f.text).map((d) => d.name)));
  doc
    .getText()
    .split("\n")
    .forEach((line, i) => {
      const m = /^(\s*use\s+)([A-Za-z_]\w*)/.exec(line);
      if (!m || m[1] === undefined || m[2] === undefined || known.has(m[2])) return;
      const d = new vscode.Diagnostic(
        new vscode.Range(i, m[1].length, i, m[1].length + m[2].length),
        `unknown name ${m[2]}`,
        vscode.DiagnosticSeverity.Error,
      );
      d.source = "mini";
      d.code = { value: "unknown-name", target: vscode.Uri.parse("https://example.com/mini#unknown-name") };
      out.push(d);
    });
  return out;
};

const legend = new vscode.SemanticTokensLegend(["function", "variable", "keyword"], ["declaration"]);

/** @param {vscode.ExtensionContext} context */
exports.activate = async (context) => {
  await readWorkspace();
  const diagnostics = vscode.languages.createDiagnosticCollection("mini");
  const relint = () => {
    for (const doc of vscode.workspace.textDocuments)
      if (doc.languageId === "mini") diagnostics.set(doc.uri, lint(doc));
  };
  relint();
  const codeLensChanged = new vscode.EventEmitter();
  const inlayHintsChanged = new vscode.EventEmitter();
  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(relint),
    vscode.workspace.onDidChangeTextDocument(() => {
      relint();
      codeLensChanged.fire(undefined);
    }),

    vscode.languages.registerCompletionItemProvider(
      SELECTOR,
      {
        provideCompletionItems(doc, position) {
          const names = workspaceFiles().flatMap((f) => definitions(f.text).map((d) => d.name));
          const items = [...new Set(names)].map((name) => {
            const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Function);
            item.commitCharacters = ["("];
            return item;
          });
          const call = new vscode.CompletionItem("call", vscode.CompletionItemKind.Snippet);
          call.insertText = new vscode.SnippetString("call ${1:name}($2)");
          call.additionalTextEdits = [];
          const header = new vscode.CompletionItem("header", vscode.CompletionItemKind.Snippet);
          header.insertText = "header";
          if (position.line > 0)
            header.additionalTextEdits = [vscode.TextEdit.insert(new vscode.Position(0, 0), "# mini\n")];
          return new vscode.CompletionList([...items, call, header], doc.lineCount > 1000);
        },
        resolveCompletionItem(item) {
          item.documentation = new vscode.MarkdownString(`Defined name **${String(item.label)}**`);
          return item;
        },
      },
      ".",
    ),
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(doc, position) {
        const word = wordAt(doc, position);
        if (!word || KEYWORDS.includes(word.name)) return undefined;
        const def = findDefinition(word.name);
        return new vscode.Hover(
          new vscode.MarkdownString(`**${word.name}**${def ? ` defined in ${basename(def.uri)}` : " (undefined)"}`),
          word.range,
        );
      },
    }),
    vscode.languages.registerSignatureHelpProvider(
      SELECTOR,
      {
        provideSignatureHelp(doc, position) {
          const line = doc.lineAt(position.line).text.slice(0, position.character);
          const m = /call\s+(\w+)\(([^)]*)$/.exec(line);
          if (!m) return undefined;
          const help = new vscode.SignatureHelp();
          const sig = new vscode.SignatureInformation(`${m[1]}(first, second)`, "Calls a defined name");
          sig.parameters = [new vscode.ParameterInformation("first"), new vscode.ParameterInformation("second")];
          help.signatures = [sig];
          help.activeParameter = (m[2] ?? "").split(",").length - 1;
          return help;
        },
      },
      { triggerCharacters: ["("], retriggerCharacters: [","] },
    ),
    vscode.languages.registerDefinitionProvider(SELECTOR, {
      provideDefinition(doc, position) {
        const word = wordAt(doc, position);
        return word ? findDefinition(word.name) : undefined;
      },
    }),
    vscode.languages.registerDeclarationProvider(SELECTOR, {
      provideDeclaration(doc, position) {
        const word = wordAt(doc, position);
        const def = word && findDefinition(word.name);
        return def ? [{ targetUri: def.uri, targetRange: def.range, originSelectionRange: word.range }] : [];
      },
    }),
    vscode.languages.registerTypeDefinitionProvider(SELECTOR, {
      provideTypeDefinition(doc, position) {
        const word = wordAt(doc, position);
        return word ? findDefinition(word.name) : undefined;
      },
    }),
    vscode.languages.registerImplementationProvider(SELECTOR, {
      provideImplementation(doc, position) {
        const word = wordAt(doc, position);
        return word ? findDefinition(word.name) : undefined;
      },
    }),
    vscode.languages.registerReferenceProvider(SELECTOR, {
      provideReferences(doc, position, context) {
        const word = wordAt(doc, position);
        if (!word) return [];
        const def = findDefinition(word.name);
        return workspaceFiles()
          .flatMap((f) => occurrences(f.text, word.name).map((r) => new vscode.Location(f.uri, r)))
          .filter(
            (l) =>
              context.includeDeclaration ||
              !(def && l.uri.toString() === def.uri.toString() && l.range.isEqual(def.range)),
          );
      },
    }),
    vscode.languages.registerDocumentHighlightProvider(SELECTOR, {
      provideDocumentHighlights(doc, position) {
        const word = wordAt(doc, position);
        if (!word) return [];
        const defs = definitions(doc.getText()).filter((d) => d.name === word.name);
        return occurrences(doc.getText(), word.name).map(
          (r) =>
            new vscode.DocumentHighlight(
              r,
              defs.some((d) => d.range.isEqual(r))
                ? vscode.DocumentHighlightKind.Write
                : vscode.DocumentHighlightKind.Read,
            ),
        );
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, {
      provideDocumentSymbols(doc) {
        /** @type {vscode.DocumentSymbol[]} */
        const roots = [];
        /** @type {vscode.DocumentSymbol | undefined} */
        let region;
        doc
          .getText()
          .split("\n")
          .forEach((line, i) => {
            if (/^\s*begin\b/.test(line)) {
              region = new vscode.DocumentSymbol(
                `region ${i + 1}`,
                "",
                vscode.SymbolKind.Namespace,
                new vscode.Range(i, 0, i, line.length),
                new vscode.Range(i, 0, i, line.length),
              );
              roots.push(region);
            } else if (/^\s*end\b/.test(line) && region) {
              region.range = new vscode.Range(region.range.start, new vscode.Position(i, line.length));
              region = undefined;
            }
            for (const def of definitions(line)) {
              const range = new vscode.Range(i, def.range.start.character, i, def.range.end.character);
              const symbol = new vscode.DocumentSymbol(
                def.name,
                "def",
                vscode.SymbolKind.Function,
                new vscode.Range(i, 0, i, line.length),
                range,
              );
              (region ? region.children : roots).push(symbol);
            }
          });
        return roots;
      },
    }),
    vscode.languages.registerWorkspaceSymbolProvider({
      provideWorkspaceSymbols(query) {
        return workspaceFiles().flatMap((f) =>
          definitions(f.text)
            .filter((d) => d.name.toLowerCase().includes(query.toLowerCase()))
            .map(
              (d) =>
                new vscode.SymbolInformation(
                  d.name,
                  vscode.SymbolKind.Function,
                  "",
                  new vscode.Location(f.uri, d.range),
                ),
            ),
        );
      },
      resolveWorkspaceSymbol(symbol) {
        symbol.containerName = basename(symbol.location.uri);
        return symbol;
      },
    }),
    vscode.languages.registerCodeActionsProvider(
      SELECTOR,
      {
        provideCodeActions(doc, _range, context) {
          return context.diagnostics
            .filter((d) => d.source === "mini" && d.message.startsWith("unknown name "))
            .map((d) => {
              const name = d.message.slice("unknown name ".length);
              const fix = new vscode.CodeAction(`Define '${name}'`, vscode.CodeActionKind.QuickFix);
              fix.diagnostics = [d];
              fix.isPreferred = true;
              fix.edit = new vscode.WorkspaceEdit();
              fix.edit.insert(doc.uri, new vscode.Position(0, 0), `def ${name}\n`);
              fix.command = { command: "mini.defined", title: "Defined", arguments: [doc.uri, name] };
              return fix;
            });
        },
        resolveCodeAction(action) {
          action.title = `${action.title} (resolved)`;
          return action;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand("mini.defined", (uri, name) => {
      lastDefined = { uri: String(uri), name: String(name) };
    }),
    vscode.commands.registerCommand("mini.lastDefined", () => lastDefined),
    vscode.languages.registerCodeLensProvider(SELECTOR, {
      onDidChangeCodeLenses: codeLensChanged.event,
      provideCodeLenses(doc) {
        return definitions(doc.getText()).map((d) => new vscode.CodeLens(d.range));
      },
      resolveCodeLens(lens) {
        const name = workspaceFiles()
          .flatMap((f) => definitions(f.text))
          .find((d) => d.range.isEqual(lens.range))?.name;
        const count = name ? workspaceFiles().flatMap((f) => occurrences(f.text, name)).length - 1 : 0;
        lens.command = { title: `${count} references`, command: "mini.lastDefined" };
        return lens;
      },
    }),
    vscode.languages.registerDocumentFormattingEditProvider(SELECTOR, {
      provideDocumentFormattingEdits(doc, options) {
        return formatLines(doc, 0, doc.lineCount - 1, options);
      },
    }),
    vscode.languages.registerDocumentRangeFormattingEditProvider(SELECTOR, {
      provideDocumentRangeFormattingEdits(doc, range, options) {
        return formatLines(doc, range.start.line, range.end.line, options);
      },
    }),
    vscode.languages.registerOnTypeFormattingEditProvider(
      SELECTOR,
      {
        provideOnTypeFormattingEdits(doc, position, ch, options) {
          return formatLines(doc, Math.max(0, position.line - 1), position.line, options);
        },
      },
      ";",
    ),
    vscode.languages.registerRenameProvider(SELECTOR, {
      prepareRename(doc, position) {
        const word = wordAt(doc, position);
        if (!word) throw new Error("Nothing to rename here");
        if (KEYWORDS.includes(word.name)) throw new Error(`'${word.name}' is a keyword and cannot be renamed`);
        return { range: word.range, placeholder: word.name };
      },
      provideRenameEdits(doc, position, newName) {
        const word = wordAt(doc, position);
        if (!word) return undefined;
        if (!/^[A-Za-z_]\w*$/.test(newName)) throw new Error(`'${newName}' is not a valid name`);
        const edit = new vscode.WorkspaceEdit();
        for (const f of workspaceFiles())
          for (const r of occurrences(f.text, word.name)) edit.replace(f.uri, r, newName);
        return edit;
      },
    }),
    vscode.languages.registerDocumentLinkProvider(SELECTOR, {
      provideDocumentLinks(doc) {
        /** @type {vscode.DocumentLink[]} */
        const links = [];
        doc
          .getText()
          .split("\n")
          .forEach((line, i) => {
            for (const m of line.matchAll(/https:\/\/[^\s)]+/g))
              links.push(new vscode.DocumentLink(new vscode.Range(i, m.index ?? 0, i, (m.index ?? 0) + m[0].length)));
          });
        return links;
      },
      resolveDocumentLink(link) {
        link.target = vscode.Uri.parse("https://example.com/resolved");
        link.tooltip = "resolved";
        return link;
      },
    }),
    vscode.languages.registerColorProvider(SELECTOR, {
      provideDocumentColors(doc) {
        /** @type {vscode.ColorInformation[]} */
        const colors = [];
        doc
          .getText()
          .split("\n")
          .forEach((line, i) => {
            for (const m of line.matchAll(/#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})\b/gi)) {
              const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "0", 16) / 255);
              colors.push(
                new vscode.ColorInformation(
                  new vscode.Range(i, m.index ?? 0, i, (m.index ?? 0) + 7),
                  new vscode.Color(r ?? 0, g ?? 0, b ?? 0, 1),
                ),
              );
            }
          });
        return colors;
      },
      provideColorPresentations(color) {
        const hex = (/** @type {number} */ n) =>
          Math.round(n * 255)
            .toString(16)
            .padStart(2, "0");
        return [new vscode.ColorPresentation(`#${hex(color.red)}${hex(color.green)}${hex(color.blue)}`)];
      },
    }),
    vscode.languages.registerFoldingRangeProvider(SELECTOR, {
      provideFoldingRanges(doc) {
        /** @type {vscode.FoldingRange[]} */
        const ranges = [];
        /** @type {number[]} */
        const open = [];
        doc
          .getText()
          .split("\n")
          .forEach((line, i) => {
            if (/^\s*begin\b/.test(line)) open.push(i);
            else if (/^\s*end\b/.test(line) && open.length > 0)
              ranges.push(new vscode.FoldingRange(open.pop() ?? 0, i, vscode.FoldingRangeKind.Region));
          });
        return ranges;
      },
    }),
    vscode.languages.registerSelectionRangeProvider(SELECTOR, {
      provideSelectionRanges(doc, positions) {
        return positions.map((p) => {
          const line = doc.lineAt(p.line).range;
          const word = wordAt(doc, p);
          const lineRange = new vscode.SelectionRange(line);
          return word ? new vscode.SelectionRange(word.range, lineRange) : lineRange;
        });
      },
    }),
    vscode.languages.registerDocumentSemanticTokensProvider(
      SELECTOR,
      {
        provideDocumentSemanticTokens(doc) {
          const builder = new vscode.SemanticTokensBuilder(legend);
          doc
            .getText()
            .split("\n")
            .forEach((line, i) => {
              const m = /^(\s*)(def|use|call)(\s+)([A-Za-z_]\w*)/.exec(line);
              if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined || m[4] === undefined) return;
              const at = m[1].length + m[2].length + m[3].length;
              builder.push(new vscode.Range(i, m[1].length, i, m[1].length + m[2].length), "keyword");
              builder.push(
                new vscode.Range(i, at, i, at + m[4].length),
                m[2] === "use" ? "variable" : "function",
                m[2] === "def" ? ["declaration"] : [],
              );
            });
          return builder.build(String(doc.version));
        },
      },
      legend,
    ),
    vscode.languages.registerDocumentRangeSemanticTokensProvider(
      SELECTOR,
      {
        provideDocumentRangeSemanticTokens(doc, range) {
          const builder = new vscode.SemanticTokensBuilder(legend);
          for (let i = range.start.line; i <= range.end.line; i++) {
            for (const def of definitions(doc.lineAt(i).text))
              builder.push(new vscode.Range(i, def.range.start.character, i, def.range.end.character), "function", [
                "declaration",
              ]);
          }
          return builder.build();
        },
      },
      legend,
    ),
    vscode.languages.registerInlayHintsProvider(SELECTOR, {
      onDidChangeInlayHints: inlayHintsChanged.event,
      provideInlayHints(doc, range) {
        /** @type {vscode.InlayHint[]} */
        const hints = [];
        for (let i = range.start.line; i <= Math.min(range.end.line, doc.lineCount - 1); i++) {
          const line = doc.lineAt(i).text;
          const m = /^(\s*use\s+)([A-Za-z_]\w*)/.exec(line);
          if (!m || m[1] === undefined || m[2] === undefined) continue;
          const def = findDefinition(m[2]);
          if (!def) continue;
          const hint = new vscode.InlayHint(
            new vscode.Position(i, m[1].length + m[2].length),
            `: ${basename(def.uri)}:${def.range.start.line + 1}`,
            vscode.InlayHintKind.Type,
          );
          hint.paddingLeft = true;
          hints.push(hint);
        }
        return hints;
      },
      resolveInlayHint(hint) {
        hint.tooltip = "where the name is defined";
        return hint;
      },
    }),
    vscode.languages.registerCallHierarchyProvider(SELECTOR, {
      prepareCallHierarchy(doc, position) {
        const word = wordAt(doc, position);
        const def = word && findDefinition(word.name);
        return def && word
          ? new vscode.CallHierarchyItem(vscode.SymbolKind.Function, word.name, "", def.uri, def.range, def.range)
          : undefined;
      },
      provideCallHierarchyIncomingCalls(item) {
        return workspaceFiles().flatMap((f) => {
          const ranges = occurrences(f.text, item.name).filter(
            (r) => !(f.uri.toString() === item.uri.toString() && r.isEqual(item.range)),
          );
          return ranges.length === 0
            ? []
            : [
                new vscode.CallHierarchyIncomingCall(
                  new vscode.CallHierarchyItem(
                    vscode.SymbolKind.File,
                    basename(f.uri),
                    "",
                    f.uri,
                    ranges[0] ?? item.range,
                    ranges[0] ?? item.range,
                  ),
                  ranges,
                ),
              ];
        });
      },
      provideCallHierarchyOutgoingCalls() {
        return [];
      },
    }),
    vscode.languages.registerTypeHierarchyProvider(SELECTOR, {
      prepareTypeHierarchy(doc, position) {
        const word = wordAt(doc, position);
        return word
          ? [new vscode.TypeHierarchyItem(vscode.SymbolKind.Class, word.name, "", doc.uri, word.range, word.range)]
          : [];
      },
      provideTypeHierarchySupertypes(item) {
        return [
          new vscode.TypeHierarchyItem(
            vscode.SymbolKind.Class,
            `${item.name}Base`,
            "",
            item.uri,
            item.range,
            item.range,
          ),
        ];
      },
      provideTypeHierarchySubtypes() {
        return [];
      },
    }),
    vscode.languages.registerLinkedEditingRangeProvider(SELECTOR, {
      provideLinkedEditingRanges(doc, position) {
        const word = wordAt(doc, position);
        return word ? new vscode.LinkedEditingRanges(occurrences(doc.getText(), word.name), /[A-Za-z_]\w*/) : undefined;
      },
    }),
    vscode.languages.registerInlineCompletionItemProvider(SELECTOR, {
      provideInlineCompletionItems(doc, position) {
        const line = doc.lineAt(position.line).text.slice(0, position.character);
        return /^\s*de$/.test(line)
          ? [
              new vscode.InlineCompletionItem(
                "def ",
                new vscode.Range(position.line, position.character - 2, position.line, position.character),
              ),
            ]
          : [];
      },
    }),
  );
};

/** @type {{ uri: string, name: string } | undefined} */
let lastDefined;

/**
 * Trailing spaces go, runs of spaces become one, `begin` bodies are indented by the options.
 * @param {vscode.TextDocument} doc @param {number} from @param {number} to @param {vscode.FormattingOptions} options
 */
const formatLines = (doc, from, to, options) => {
  /** @type {vscode.TextEdit[]} */
  const edits = [];
  let depth = 0;
  for (let i = 0; i < doc.lineCount; i++) {
    const line = doc.lineAt(i);
    const body = line.text.trim().replace(/ {2,}/g, " ");
    if (/^end\b/.test(body)) depth = Math.max(0, depth - 1);
    const indent = body ? (options.insertSpaces ? " ".repeat(options.tabSize) : "\t").repeat(depth) : "";
    if (i >= from && i <= to && indent + body !== line.text)
      edits.push(vscode.TextEdit.replace(line.range, indent + body));
    if (/^begin\b/.test(body)) depth++;
  }
  return edits;
};
