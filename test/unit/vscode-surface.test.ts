/**
 * Every value of @types/vscode exists on the `vscode` object an extension gets: implemented, or a
 * stand-in that fails with a clear "not implemented" error (never `undefined`). The list is read
 * from node_modules/@types/vscode with the TypeScript compiler, so a new @types/vscode is covered.
 */
import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  renderEnumsModule,
  renderSurfaceModule,
  readVscodeSurface,
  vscodeTypesPath,
} from "../../scripts/vscode-surface.js";
import { isStandIn, notImplementedMessage } from "../../src/extension-host/api/not-implemented.js";
import type { ExtensionRuntime } from "../../src/extension-host/extensions/extension-runtime.js";
import { HostServices } from "../../src/extension-host/host-services.js";
import { repoRoot } from "../support/paths.js";

const surface = readVscodeSurface(vscodeTypesPath());
const storageDir = mkdtempSync(join(tmpdir(), "vscode-surface-"));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

/** The facade exactly as an extension's `require("vscode")` returns it. */
const api = new HostServices({ extensions: [], problems: [], storageDir, log: () => undefined }).apiFor({
  id: "test.surface",
  registrations: [],
} as unknown as ExtensionRuntime) as Record<string, unknown>;

type Outcome = "implemented" | "not implemented" | "missing";
/** Classifies one member; a stand-in must fail with exactly the not-implemented error. */
const probe = (owner: Record<string, unknown>, name: string, path: string, kind: string): Outcome => {
  const descriptor = Object.getOwnPropertyDescriptor(owner, name);
  if (!descriptor) return "missing";
  const failsClearly = (f: () => unknown): boolean => {
    try {
      f();
      return false;
    } catch (e) {
      return e instanceof Error && e.message === notImplementedMessage(path);
    }
  };
  if (descriptor.get && isStandIn(descriptor.get))
    return failsClearly(() => descriptor.get?.call(owner)) ? "not implemented" : "missing";
  const value: unknown = owner[name];
  if (isStandIn(value)) {
    if (kind === "event") return "not implemented"; // inert: subscribing works, it never fires
    const use = kind === "class" ? () => Reflect.construct(value as () => never, []) : () => (value as () => never)();
    return failsClearly(use) ? "not implemented" : "missing";
  }
  if (kind === "function" || kind === "class" || kind === "event")
    return typeof value === "function" ? "implemented" : "missing";
  return value === undefined && !descriptor.get ? "missing" : "implemented";
};

describe("the vscode namespace", () => {
  it("the generated surface and enums match node_modules/@types/vscode", () => {
    const dir = join(repoRoot, "src/extension-host/api");
    expect(readFileSync(join(dir, "vscode-surface.generated.ts"), "utf8")).toBe(renderSurfaceModule(surface));
    expect(readFileSync(join(dir, "enums.generated.ts"), "utf8")).toBe(renderEnumsModule(surface));
  });

  it("claims the @types/vscode version authors compile against", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "node_modules/@types/vscode/package.json"), "utf8")) as {
      version: string;
    };
    expect(api.version).toBe(pkg.version);
    expect(surface.version).toBe(pkg.version);
  });

  it("has every class, enum and namespace member: implemented or failing clearly, never undefined", () => {
    const outcomes = new Map<string, Outcome>();
    for (const name of surface.classes) outcomes.set(name, probe(api, name, name, "class"));
    for (const name of [...Object.keys(surface.enums), ...surface.values])
      outcomes.set(name, probe(api, name, name, "value"));
    for (const [ns, members] of Object.entries(surface.namespaces)) {
      const owner = api[ns];
      expect(typeof owner, `vscode.${ns}`).toBe("object");
      for (const [member, kind] of Object.entries(members))
        outcomes.set(`${ns}.${member}`, probe(owner as Record<string, unknown>, member, `${ns}.${member}`, kind));
    }
    const by = (o: Outcome) => [...outcomes].filter(([, v]) => v === o).map(([k]) => k);
    const total = outcomes.size;
    console.log(
      `vscode API surface (@types/vscode ${surface.version}): ${by("implemented").length} of ${total} implemented, ` +
        `${by("not implemented").length} not implemented yet:\n  ${by("not implemented").join(", ")}`,
    );
    expect(by("missing")).toEqual([]);
    // The README states the count; keep it honest.
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    expect(readme).toContain(`**${by("implemented").length} of ${total}**`);
    expect(readme).toContain(`the other ${by("not implemented").length} throw`);
    expect(by("implemented").length + by("not implemented").length).toBe(total);
  });

  it("enum values are VS Code's", () => {
    for (const [name, members] of Object.entries(surface.enums)) {
      const runtime = api[name] as Record<string, unknown>;
      for (const [key, value] of Object.entries(members)) expect(runtime[key], `${name}.${key}`).toBe(value);
    }
  });

  it("a stand-in names what is missing", () => {
    const window = api.window as Record<string, () => unknown>;
    expect(() => window.createWebviewPanel?.()).toThrow(
      "vscode.window.createWebviewPanel is not implemented yet in Direct Editor",
    );
    const ChatResponseMarkdownPart = api.ChatResponseMarkdownPart as new () => unknown;
    expect(() => new ChatResponseMarkdownPart()).toThrow(
      "vscode.ChatResponseMarkdownPart is not implemented yet in Direct Editor",
    );
    const onDidChangeWindowState = window.onDidChangeWindowState as unknown as (l: () => void) => { dispose(): void };
    expect(typeof onDidChangeWindowState(() => undefined).dispose).toBe("function");
  });
});
