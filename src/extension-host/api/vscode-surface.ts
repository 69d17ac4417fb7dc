/** The shape of @types/vscode's runtime surface, as scripts/vscode-surface.ts extracts it. */
export type MemberKind = "function" | "event" | "value";

export interface VscodeSurface {
  /** The @types/vscode version the list was read from (the host claims the same `vscode.version`). */
  readonly version: string;
  readonly classes: readonly string[];
  readonly enums: Readonly<Record<string, Readonly<Record<string, number | string>>>>;
  /** Top-level constants such as `version`. */
  readonly values: readonly string[];
  readonly namespaces: Readonly<Record<string, Readonly<Record<string, MemberKind>>>>;
}
