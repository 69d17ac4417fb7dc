/** Settings: defaults from every extension's `contributes.configuration`, and what code updates. */
import { EventEmitter } from "../api/types.js";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";

export class ConfigurationService {
  private readonly values = new Map<string, unknown>();
  readonly onDidChange = new EventEmitter<string>();

  constructor(runtimes: ReadonlyArray<ExtensionRuntime>) {
    for (const r of runtimes) this.collectDefaults(r);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  get(key: string): unknown {
    return this.values.get(key);
  }

  update(key: string, value: unknown): void {
    this.values.set(key, value);
    this.onDidChange.fire(key);
  }

  private collectDefaults(runtime: ExtensionRuntime): void {
    const c = runtime.description.manifest.contributes?.configuration;
    // Array.isArray does not narrow readonly arrays, hence the explicit shape.
    const sections = (c === undefined ? [] : Array.isArray(c) ? c : [c]) as ReadonlyArray<{
      readonly properties?: Readonly<Record<string, { readonly default?: unknown }>>;
    }>;
    for (const section of sections) {
      for (const [key, prop] of Object.entries(section.properties ?? {})) {
        if (!this.values.has(key) && prop.default !== undefined) this.values.set(key, prop.default);
      }
    }
  }
}
