/** One loaded extension: its description, state, storage and what it registered. */
import type { ExtensionInfo } from "../../protocol/workbench.js";
import type { FileMemento } from "./memento.js";
import type { ExtensionDescription } from "./scanner.js";

export interface ExtensionModule {
  activate?: (context: unknown) => unknown;
  deactivate?: () => unknown;
}

export class ExtensionRuntime {
  activation: Promise<void> | undefined;
  activated = false;
  activationMs: number | undefined;
  error: string | undefined;
  exports: unknown;
  module: ExtensionModule | undefined;
  readonly subscriptions: Array<{ dispose(): unknown }> = [];
  /** Everything the API created for it (commands, providers, items), disposed if activation fails. */
  readonly registrations: Array<{ dispose(): unknown }> = [];

  constructor(
    readonly description: ExtensionDescription,
    readonly globalState: FileMemento,
    readonly workspaceState: FileMemento,
  ) {}

  get id(): string {
    return this.description.id;
  }

  get activationEvents(): readonly string[] {
    const events = [...(this.description.manifest.activationEvents ?? [])];
    // Implicit activation, as in VS Code: contributed commands activate their extension.
    for (const c of this.description.manifest.contributes?.commands ?? []) events.push(`onCommand:${c.command}`);
    return [...new Set(events)];
  }

  info(): ExtensionInfo {
    const m = this.description.manifest;
    return {
      id: this.id,
      displayName: m.displayName ?? m.name,
      version: m.version,
      location: this.description.location,
      builtin: this.description.source === "builtin",
      activated: this.activated,
      activationEvents: [...this.activationEvents],
      ...(this.activationMs !== undefined ? { activationMs: this.activationMs } : {}),
      ...(this.error !== undefined ? { error: this.error } : {}),
    };
  }
}
