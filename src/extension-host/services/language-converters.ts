/**
 * Provider results (API values, duck-typed: a provider may return plain objects of the right
 * shape) → wire DTOs, and wire DTOs → the API values providers receive. VS Code's
 * extHostTypeConverters for the language features. Malformed items are dropped, never thrown.
 */
import type {
  CodeActionDto,
  ColorInformationDto,
  ColorPresentationDto,
  CommandDto,
  DocumentHighlightDto,
  DocumentLinkDto,
  DocumentSymbolDto,
  FoldingRangeDto,
  HierarchyItemDto,
  HoverResultDto,
  InlayHintDto,
  InlineCompletionDto,
  LocationDto,
  LocationLinkDto,
  MarkdownDto,
  SemanticTokensDto,
  SignatureHelpDto,
  SuggestionDto,
  TextEditDto,
  WorkspaceEditDto,
  WorkspaceSymbolDto,
  CodeLensDto,
} from "../../protocol/language-features.js";
import type { DiagnosticDto, Position as PositionDto, Range as RangeDto } from "../../protocol/workbench.js";
import type { DiagnosticSeverity, DiagnosticTag } from "../api/enums.generated.js";
import { CodeActionKind, Diagnostic, DiagnosticRelatedInformation } from "../api/language-types.js";
import { Location, Position, Range, SnippetString, TextEdit, Uri, WorkspaceEdit } from "../api/types.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === "number" && Number.isInteger(v) ? v : undefined);
/** `{ ...(v !== undefined ? { key: v } : {}) }`, for exactOptionalPropertyTypes. */
const opt = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } =>
  (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };

// ── positions, ranges, locations ────────────────────────────────────────────────────────────

export const positionDto = (p: unknown): PositionDto | undefined => {
  if (!isObj(p)) return undefined;
  const line = int(p.line);
  const character = int(p.character);
  return line !== undefined && character !== undefined && line >= 0 && character >= 0 ? { line, character } : undefined;
};

export const rangeDto = (r: unknown): RangeDto | undefined => {
  if (!isObj(r)) return undefined;
  const start = positionDto(r.start);
  const end = positionDto(r.end);
  return start && end ? { start, end } : undefined;
};

export const uriString = (u: unknown): string | undefined =>
  u instanceof Uri
    ? u.toString()
    : isObj(u) && typeof u.scheme === "string"
      ? Uri.from(u as { scheme: string }).toString()
      : undefined;

export const toPosition = (p: PositionDto): Position => new Position(p.line, p.character);
export const toRange = (r: RangeDto): Range => new Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** A Location or a LocationLink (VS Code's `Definition | LocationLink[]`). */
export const locationLinkDto = (l: unknown): LocationLinkDto | undefined => {
  if (!isObj(l)) return undefined;
  if ("targetUri" in l) {
    const uri = uriString(l.targetUri);
    const range = rangeDto(l.targetRange);
    if (!uri || !range) return undefined;
    return {
      uri,
      range,
      ...opt("targetSelectionRange", rangeDto(l.targetSelectionRange)),
      ...opt("originSelectionRange", rangeDto(l.originSelectionRange)),
    };
  }
  const uri = uriString(l.uri);
  const range = rangeDto(l.range);
  return uri && range ? { uri, range } : undefined;
};

export const locationDto = (l: unknown): LocationDto | undefined => {
  const link = locationLinkDto(l);
  return link && { uri: link.uri, range: link.range };
};

/** A provider may answer one item or an array: always a list. */
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

export const defined = <T>(v: T | undefined): v is T => v !== undefined;

// ── text, markdown, commands ────────────────────────────────────────────────────────────────

export const markdownDto = (c: unknown): MarkdownDto | undefined => {
  if (typeof c === "string") return { value: escapeMarkdown(c) };
  if (!isObj(c) || typeof c.value !== "string") return undefined;
  // `{ language, value }` (MarkedString): a code block.
  if (typeof c.language === "string") return { value: `\`\`\`${c.language}\n${c.value}\n\`\`\`` };
  return { value: c.value, ...opt("isTrusted", c.isTrusted === true ? true : undefined) };
};

/** Plain strings are shown as text in VS Code, not parsed as markdown. */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, "\\$&");

/** A documentation value Monaco shows: plain string stays plain (markdownDto would escape it). */
export const docDto = (c: unknown): MarkdownDto | undefined =>
  typeof c === "string" ? { value: escapeMarkdown(c) } : markdownDto(c);

export const textEditDto = (e: unknown): TextEditDto | undefined => {
  if (!isObj(e)) return undefined;
  const range = rangeDto(e.range);
  if (!range) return undefined;
  if (typeof e.newText === "string") return { range, text: e.newText };
  // SnippetTextEdit
  if (e.snippet instanceof SnippetString) return { range, text: e.snippet.value, isSnippet: true };
  return undefined;
};

export const textEditDtos = (v: unknown): TextEditDto[] => asList(v).map(textEditDto).filter(defined);

export const workspaceEditDto = (e: unknown): WorkspaceEditDto | undefined => {
  if (!(e instanceof WorkspaceEdit)) return undefined;
  const entries: Array<WorkspaceEditDto["entries"][number]> = [];
  for (const entry of e.allEntries()) {
    if (entry.kind === "text") {
      const edit = textEditDto(entry.edit);
      if (!edit) continue;
      const uri = entry.uri.toString();
      const last = entries[entries.length - 1];
      // Consecutive edits of one document travel together (one undo step per document).
      if (last?.kind === "text" && last.uri === uri)
        entries[entries.length - 1] = { ...last, edits: [...last.edits, edit] };
      else entries.push({ kind: "text", uri, edits: [edit] });
    } else {
      const options = (entry.options ?? {}) as { overwrite?: boolean; ignoreIfExists?: boolean; recursive?: boolean };
      entries.push({
        kind: "file",
        ...opt("from", entry.from?.toString()),
        ...opt("to", entry.to?.toString()),
        ...opt("overwrite", options.overwrite),
        ...opt("ignoreIfExists", options.ignoreIfExists),
        ...opt("recursive", options.recursive),
      });
    }
  }
  return { entries };
};

/** Keeps a command's arguments in the host (they may hold Uris, functions…) behind a ref. */
export class CommandRefs {
  private readonly kept = new Map<number, { command: string; args: unknown[] }>();
  private next = 1;
  constructor(private readonly max = 5_000) {}

  dto(c: unknown): CommandDto | undefined {
    if (!isObj(c) || typeof c.command !== "string") return undefined;
    const title = str(c.title) ?? "";
    const args = Array.isArray(c.arguments) ? (c.arguments as unknown[]) : [];
    const ref = this.next++;
    this.kept.set(ref, { command: c.command, args });
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value ?? 0);
    return { id: c.command, title, ref, ...opt("tooltip", str(c.tooltip)) };
  }

  get(ref: number): { command: string; args: unknown[] } | undefined {
    return this.kept.get(ref);
  }
}

// ── per-feature results ─────────────────────────────────────────────────────────────────────

const completionRange = (r: unknown): SuggestionDto["range"] | undefined => {
  const single = rangeDto(r);
  if (single) return { inserting: single, replacing: single };
  if (!isObj(r)) return undefined;
  const inserting = rangeDto(r.inserting);
  const replacing = rangeDto(r.replacing);
  return inserting && replacing ? { inserting, replacing } : undefined;
};

export const suggestionDto = (raw: unknown, index: number, commands: CommandRefs): SuggestionDto | undefined => {
  if (!isObj(raw)) return undefined;
  const label = typeof raw.label === "string" ? raw.label : isObj(raw.label) ? str(raw.label.label) : undefined;
  if (label === undefined) return undefined;
  const insertText = raw.insertText instanceof SnippetString ? raw.insertText.value : (str(raw.insertText) ?? label);
  return {
    index,
    label,
    ...opt("labelDetail", isObj(raw.label) ? str(raw.label.detail) : undefined),
    ...opt("labelDescription", isObj(raw.label) ? str(raw.label.description) : undefined),
    kind: int(raw.kind) ?? 0,
    ...opt("tags", Array.isArray(raw.tags) ? raw.tags.filter((t): t is number => typeof t === "number") : undefined),
    ...opt("detail", str(raw.detail)),
    ...opt("documentation", raw.documentation === undefined ? undefined : docDto(raw.documentation)),
    ...opt("sortText", str(raw.sortText)),
    ...opt("filterText", str(raw.filterText)),
    ...opt("preselect", raw.preselect === true ? true : undefined),
    insertText,
    ...opt("isSnippet", raw.insertText instanceof SnippetString ? true : undefined),
    ...opt("keepWhitespace", raw.keepWhitespace === true ? true : undefined),
    ...opt("range", completionRange(raw.range)),
    ...opt(
      "commitCharacters",
      Array.isArray(raw.commitCharacters)
        ? raw.commitCharacters.filter((c): c is string => typeof c === "string")
        : undefined,
    ),
    ...opt("additionalTextEdits", raw.additionalTextEdits ? textEditDtos(raw.additionalTextEdits) : undefined),
    ...opt("command", commands.dto(raw.command)),
  };
};

/** A CompletionList or an array of items: the items and whether the list is incomplete. */
export const completionItems = (v: unknown): { items: unknown[]; isIncomplete: boolean } =>
  Array.isArray(v)
    ? { items: v, isIncomplete: false }
    : isObj(v) && Array.isArray(v.items)
      ? { items: v.items, isIncomplete: v.isIncomplete === true }
      : { items: [], isIncomplete: false };

export const hoverDto = (hovers: ReadonlyArray<unknown>): HoverResultDto | null => {
  const contents: MarkdownDto[] = [];
  let range: RangeDto | undefined;
  for (const h of hovers) {
    if (!isObj(h)) continue;
    contents.push(...asList(h.contents).map(markdownDto).filter(defined));
    range ??= rangeDto(h.range);
  }
  return contents.length === 0 ? null : { contents, ...opt("range", range) };
};

export const signatureHelpDto = (v: unknown): SignatureHelpDto | undefined => {
  if (!isObj(v) || !Array.isArray(v.signatures)) return undefined;
  const signatures = v.signatures.flatMap((s): SignatureHelpDto["signatures"][number][] => {
    if (!isObj(s) || typeof s.label !== "string") return [];
    const parameters = asList(s.parameters).flatMap((p) => {
      if (!isObj(p)) return [];
      const label =
        typeof p.label === "string"
          ? p.label
          : Array.isArray(p.label) && p.label.length === 2 && p.label.every((n) => typeof n === "number")
            ? ([p.label[0] as number, p.label[1] as number] as const)
            : undefined;
      return label === undefined ? [] : [{ label, ...opt("documentation", docDto(p.documentation)) }];
    });
    return [
      {
        label: s.label,
        parameters,
        ...opt("documentation", docDto(s.documentation)),
        ...opt("activeParameter", int(s.activeParameter)),
      },
    ];
  });
  return { signatures, activeSignature: int(v.activeSignature) ?? 0, activeParameter: int(v.activeParameter) ?? 0 };
};

export const highlightDto = (h: unknown): DocumentHighlightDto | undefined => {
  const range = isObj(h) ? rangeDto(h.range) : undefined;
  return range && isObj(h) ? { range, kind: int(h.kind) ?? 0 } : undefined;
};

/** DocumentSymbol trees as they are; SymbolInformation lists become a tree by range containment (as VS Code's outline does). */
export const documentSymbolDtos = (v: unknown): DocumentSymbolDto[] => {
  const list = asList(v);
  const tree = (s: unknown): DocumentSymbolDto | undefined => {
    if (!isObj(s) || typeof s.name !== "string") return undefined;
    const range = rangeDto(s.range);
    const selectionRange = rangeDto(s.selectionRange);
    if (!range || !selectionRange) return undefined;
    return {
      name: s.name,
      detail: str(s.detail) ?? "",
      kind: int(s.kind) ?? 0,
      ...opt("tags", Array.isArray(s.tags) ? (s.tags as number[]) : undefined),
      range,
      selectionRange,
      children: asList(s.children).map(tree).filter(defined),
    };
  };
  if (list.every((s) => isObj(s) && "selectionRange" in s)) return list.map(tree).filter(defined);
  // SymbolInformation: flat, nest by containment.
  const flat = list.flatMap((s): DocumentSymbolDto[] => {
    if (!isObj(s) || typeof s.name !== "string" || !isObj(s.location)) return [];
    const range = rangeDto(s.location.range);
    return range
      ? [
          {
            name: s.name,
            detail: str(s.containerName) ?? "",
            kind: int(s.kind) ?? 0,
            range,
            selectionRange: range,
            children: [],
          },
        ]
      : [];
  });
  return nestByRange(flat);
};

const contains = (outer: RangeDto, inner: RangeDto): boolean =>
  before(outer.start, inner.start) && before(inner.end, outer.end);
const before = (a: PositionDto, b: PositionDto): boolean =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);

const nestByRange = (symbols: DocumentSymbolDto[]): DocumentSymbolDto[] => {
  const sorted = [...symbols].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  type Mutable = { symbol: DocumentSymbolDto; children: Mutable[] };
  const roots: Mutable[] = [];
  const stack: Mutable[] = [];
  for (const symbol of sorted) {
    const node: Mutable = { symbol, children: [] };
    while (stack.length > 0 && !contains(stack[stack.length - 1]!.symbol.range, symbol.range)) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.children : roots).push(node);
    stack.push(node);
  }
  const build = (n: Mutable): DocumentSymbolDto => ({ ...n.symbol, children: n.children.map(build) });
  return roots.map(build);
};

export const workspaceSymbolDto = (s: unknown, index: number): WorkspaceSymbolDto | undefined => {
  if (!isObj(s) || typeof s.name !== "string" || !isObj(s.location)) return undefined;
  const uri = uriString(s.location.uri);
  if (!uri) return undefined;
  return {
    index,
    name: s.name,
    containerName: str(s.containerName) ?? "",
    kind: int(s.kind) ?? 0,
    ...opt("tags", Array.isArray(s.tags) ? (s.tags as number[]) : undefined),
    location: { uri, ...opt("range", rangeDto(s.location.range)) },
  };
};

export const codeActionDto = (
  a: unknown,
  index: number,
  commands: CommandRefs,
  canResolve: boolean,
): CodeActionDto | undefined => {
  if (!isObj(a) || typeof a.title !== "string") return undefined;
  // A bare Command is a code action that runs it.
  if (typeof a.command === "string") {
    const command = commands.dto(a);
    return command && { index, title: a.title, command };
  }
  const edit = workspaceEditDto(a.edit);
  return {
    index,
    title: a.title,
    ...opt("kind", a.kind instanceof CodeActionKind ? a.kind.value : isObj(a.kind) ? str(a.kind.value) : undefined),
    ...opt("diagnostics", Array.isArray(a.diagnostics) ? a.diagnostics.map(diagnosticDto).filter(defined) : undefined),
    ...opt("edit", edit),
    ...opt("command", commands.dto(a.command)),
    ...opt("isPreferred", a.isPreferred === true ? true : undefined),
    ...opt("disabled", isObj(a.disabled) ? str(a.disabled.reason) : undefined),
    ...opt("needsResolve", canResolve && !edit ? true : undefined),
  };
};

export const codeLensDto = (l: unknown, index: number, commands: CommandRefs): CodeLensDto | undefined => {
  const range = isObj(l) ? rangeDto(l.range) : undefined;
  return range && isObj(l) ? { index, range, ...opt("command", commands.dto(l.command)) } : undefined;
};

export const documentLinkDto = (l: unknown, index: number): DocumentLinkDto | undefined => {
  const range = isObj(l) ? rangeDto(l.range) : undefined;
  if (!range || !isObj(l)) return undefined;
  return { index, range, ...opt("target", uriString(l.target)), ...opt("tooltip", str(l.tooltip)) };
};

export const colorInformationDto = (c: unknown): ColorInformationDto | undefined => {
  if (!isObj(c) || !isObj(c.color)) return undefined;
  const range = rangeDto(c.range);
  const { red, green, blue, alpha } = c.color;
  if (!range || ![red, green, blue, alpha].every((n) => typeof n === "number")) return undefined;
  return { range, color: { red: red as number, green: green as number, blue: blue as number, alpha: alpha as number } };
};

export const colorPresentationDto = (p: unknown): ColorPresentationDto | undefined => {
  if (!isObj(p) || typeof p.label !== "string") return undefined;
  return {
    label: p.label,
    ...opt("textEdit", textEditDto(p.textEdit)),
    ...opt("additionalTextEdits", p.additionalTextEdits ? textEditDtos(p.additionalTextEdits) : undefined),
  };
};

const FOLDING_KINDS = ["comment", "imports", "region"] as const;
export const foldingRangeDto = (f: unknown): FoldingRangeDto | undefined => {
  if (!isObj(f)) return undefined;
  const start = int(f.start);
  const end = int(f.end);
  if (start === undefined || end === undefined || start < 0 || end < start) return undefined;
  const kind = typeof f.kind === "number" ? FOLDING_KINDS[f.kind - 1] : undefined;
  return { start, end, ...opt("kind", kind) };
};

/** A SelectionRange chain, innermost first. */
export const selectionRangeChain = (s: unknown): RangeDto[] => {
  const out: RangeDto[] = [];
  let cur: unknown = s;
  while (isObj(cur) && out.length < 1_000) {
    const r = rangeDto(cur.range);
    if (!r) break;
    out.push(r);
    cur = cur.parent;
  }
  return out;
};

export const semanticTokensDto = (v: unknown): SemanticTokensDto | undefined => {
  if (!isObj(v)) return undefined;
  const resultId = str(v.resultId);
  if (v.data instanceof Uint32Array) return { type: "full", data: [...v.data], ...opt("resultId", resultId) };
  if (Array.isArray(v.edits)) {
    const edits = v.edits.flatMap((e) => {
      if (!isObj(e)) return [];
      const start = int(e.start);
      const deleteCount = int(e.deleteCount);
      if (start === undefined || deleteCount === undefined) return [];
      return [{ start, deleteCount, ...opt("data", e.data instanceof Uint32Array ? [...e.data] : undefined) }];
    });
    return { type: "delta", edits, ...opt("resultId", resultId) };
  }
  return undefined;
};

export const inlayHintDto = (h: unknown, index: number, commands: CommandRefs): InlayHintDto | undefined => {
  if (!isObj(h)) return undefined;
  const position = positionDto(h.position);
  if (!position) return undefined;
  const label =
    typeof h.label === "string"
      ? h.label
      : Array.isArray(h.label)
        ? h.label.flatMap((p) =>
            isObj(p) && typeof p.value === "string"
              ? [
                  {
                    value: p.value,
                    ...opt("tooltip", docDto(p.tooltip)),
                    ...opt("location", locationDto(p.location)),
                    ...opt("command", commands.dto(p.command)),
                  },
                ]
              : [],
          )
        : undefined;
  if (label === undefined || label.length === 0) return undefined;
  return {
    index,
    position,
    label,
    ...opt("kind", int(h.kind)),
    ...opt("tooltip", docDto(h.tooltip)),
    ...opt("textEdits", h.textEdits ? textEditDtos(h.textEdits) : undefined),
    ...opt("paddingLeft", h.paddingLeft === true ? true : undefined),
    ...opt("paddingRight", h.paddingRight === true ? true : undefined),
  };
};

export const hierarchyItemDto = (i: unknown, cacheId: number, index: number): HierarchyItemDto | undefined => {
  if (!isObj(i) || typeof i.name !== "string") return undefined;
  const uri = uriString(i.uri);
  const range = rangeDto(i.range);
  const selectionRange = rangeDto(i.selectionRange);
  if (!uri || !range || !selectionRange) return undefined;
  return {
    cacheId,
    index,
    name: i.name,
    kind: int(i.kind) ?? 0,
    uri,
    range,
    selectionRange,
    ...opt("detail", str(i.detail)),
  };
};

export const inlineCompletionDto = (i: unknown, commands: CommandRefs): InlineCompletionDto | undefined => {
  if (!isObj(i)) return undefined;
  const insertText = i.insertText instanceof SnippetString ? i.insertText.value : str(i.insertText);
  if (insertText === undefined) return undefined;
  return {
    insertText,
    ...opt("isSnippet", i.insertText instanceof SnippetString ? true : undefined),
    ...opt("filterText", str(i.filterText)),
    ...opt("range", rangeDto(i.range)),
    ...opt("command", commands.dto(i.command)),
  };
};

// ── diagnostics both ways ───────────────────────────────────────────────────────────────────

const SEVERITIES = ["error", "warning", "information", "hint"] as const;

export const diagnosticDto = (d: unknown): DiagnosticDto | undefined => {
  if (!isObj(d) || typeof d.message !== "string") return undefined;
  const range = rangeDto(d.range);
  if (!range) return undefined;
  const code = d.code;
  const related = Array.isArray(d.relatedInformation)
    ? d.relatedInformation.flatMap((r) => {
        const location = isObj(r) ? locationDto(r.location) : undefined;
        return location && isObj(r) && typeof r.message === "string" ? [{ location, message: r.message }] : [];
      })
    : undefined;
  return {
    range,
    message: d.message,
    severity: SEVERITIES[int(d.severity) ?? 0] ?? "error",
    ...opt("source", str(d.source)),
    ...(typeof code === "string" || typeof code === "number"
      ? { code }
      : isObj(code) && (typeof code.value === "string" || typeof code.value === "number")
        ? { code: code.value, ...opt("codeTarget", uriString(code.target)) }
        : {}),
    ...opt("tags", Array.isArray(d.tags) ? d.tags.filter((t): t is number => t === 1 || t === 2) : undefined),
    ...opt("relatedInformation", related),
  };
};

/** The Diagnostic a code action provider receives in its context. */
export const toDiagnostic = (d: DiagnosticDto): Diagnostic => {
  const out = new Diagnostic(toRange(d.range), d.message, SEVERITIES.indexOf(d.severity) as DiagnosticSeverity);
  if (d.source !== undefined) out.source = d.source;
  if (d.code !== undefined) out.code = d.codeTarget ? { value: d.code, target: Uri.parse(d.codeTarget) } : d.code;
  if (d.tags) out.tags = d.tags.map((t) => t as DiagnosticTag);
  if (d.relatedInformation) {
    out.relatedInformation = d.relatedInformation.map(
      (r) =>
        new DiagnosticRelatedInformation(new Location(Uri.parse(r.location.uri), toRange(r.location.range)), r.message),
    );
  }
  return out;
};

export { TextEdit };
