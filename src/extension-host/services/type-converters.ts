/** Extension API values → wire DTOs (VS Code's extHostTypeConverters, for what we carry). */
import type {
  CompletionItemDto,
  DiagnosticDto,
  HoverDto,
  Position as PositionDto,
  Severity,
} from "../../protocol/workbench.js";
import { COMPLETION_ITEM_KIND_NAMES } from "../../protocol/language-features.js";
import type * as types from "../api/vscode-types.js";

const SEVERITIES: Severity[] = ["error", "warning", "information", "hint"];

export const markdownText = (c: unknown): string =>
  typeof c === "string"
    ? c
    : typeof c === "object" && c !== null && "value" in c
      ? String((c as { value: unknown }).value)
      : String(c);

export const rangeDto = (r: types.Range) => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

export const diagnosticDto = (d: types.Diagnostic): DiagnosticDto => ({
  range: rangeDto(d.range),
  message: d.message,
  severity: SEVERITIES[d.severity] ?? "error",
  ...(d.source ? { source: d.source } : {}),
  // A `{ value, target }` code carries its link target; the wire carries only the value.
  ...(d.code !== undefined ? { code: typeof d.code === "object" ? d.code.value : d.code } : {}),
});

export const toHoverDto = (hovers: ReadonlyArray<unknown>): HoverDto | null => {
  const contents = hovers.flatMap((h) =>
    typeof h === "object" && h !== null && "contents" in h && Array.isArray(h.contents)
      ? h.contents.map(markdownText)
      : [],
  );
  return contents.length === 0 ? null : { contents };
};

export const toCompletionDtos = (list: unknown): CompletionItemDto[] => {
  const items: unknown[] = Array.isArray(list)
    ? list
    : typeof list === "object" && list !== null && "items" in list && Array.isArray(list.items)
      ? list.items
      : [];
  return items.flatMap((raw): CompletionItemDto[] => {
    if (typeof raw !== "object" || raw === null) return [];
    const i = raw as {
      label?: unknown;
      kind?: unknown;
      detail?: unknown;
      documentation?: unknown;
      insertText?: unknown;
      range?: unknown;
    };
    const label =
      typeof i.label === "string"
        ? i.label
        : typeof i.label === "object" && i.label && "label" in i.label
          ? String((i.label as { label: unknown }).label)
          : undefined;
    if (!label) return [];
    const range = i.range as { start?: PositionDto; end?: PositionDto } | undefined;
    return [
      {
        label,
        ...(typeof i.kind === "number" && COMPLETION_ITEM_KIND_NAMES[i.kind]
          ? { kind: COMPLETION_ITEM_KIND_NAMES[i.kind]! }
          : {}),
        ...(typeof i.detail === "string" ? { detail: i.detail } : {}),
        ...(i.documentation !== undefined ? { documentation: markdownText(i.documentation) } : {}),
        ...(typeof i.insertText === "string"
          ? { insertText: i.insertText }
          : typeof i.insertText === "object" && i.insertText && "value" in i.insertText
            ? { insertText: String((i.insertText as { value: unknown }).value) }
            : {}),
        ...(range?.start && range.end
          ? {
              range: {
                start: { line: range.start.line, character: range.start.character },
                end: { line: range.end.line, character: range.end.character },
              },
            }
          : {}),
      },
    ];
  });
};
