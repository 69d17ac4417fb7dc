/**
 * Loading and activating extensions, and running their code guarded: a throw or rejection is
 * written to that extension's Output channel and never reaches the host or other extensions.
 * A failed activation disposes what the extension registered before it threw.
 */
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { ExtensionFailure } from "../../protocol/contracts/ext-host.js";
import type { ExtensionInfo } from "../../protocol/workbench.js";
import { ExtensionRuntime, type ExtensionModule } from "../extensions/extension-runtime.js";
import { FileMemento } from "../extensions/memento.js";
import type { ExtensionDescription, ScanProblem } from "../extensions/scanner.js";
import type { WindowService } from "./window.js";

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface ExtensionsOptions {
  readonly extensions: ReadonlyArray<ExtensionDescription>;
  readonly problems: ReadonlyArray<ScanProblem>;
  readonly storageDir: string;
  readonly log: (message: string) => void;
}

export class ExtensionsService {
  readonly runtimes: ReadonlyArray<ExtensionRuntime>;
  private startupFinished = false;
  private readonly changeListeners = new Set<(infos: ExtensionInfo[]) => void>();
  /** Builds the `context` an extension's `activate` receives (the API facade owns its shape). */
  contextFor: (runtime: ExtensionRuntime) => unknown = () => ({});

  constructor(
    private readonly options: ExtensionsOptions,
    private readonly window: WindowService,
  ) {
    const storage = (kind: string, id: string) => new FileMemento(join(options.storageDir, kind, `${id}.json`));
    this.runtimes = options.extensions.map(
      (d) => new ExtensionRuntime(d, storage("global", d.id), storage("workspace", d.id)),
    );
    for (const p of options.problems) options.log(`extension at ${p.location} not loaded: ${p.message}`);
  }

  get storageDir(): string {
    return this.options.storageDir;
  }

  /** A workbench's first `initialize` ran its activations (`*`, workspaceContains…). */
  get isInitialized(): boolean {
    return this.startupFinished;
  }

  infos(): ExtensionInfo[] {
    return this.runtimes.map((r) => r.info());
  }

  onDidChange(listener: (infos: ExtensionInfo[]) => void): void {
    this.changeListeners.add(listener);
  }

  /** Writes to the extension's own Output channel, where its author will look. */
  reportError(extensionId: string, what: string, e: unknown): void {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    this.options.log(`[${extensionId}] ${what}: ${describe(e)}`);
    this.window.appendOutput(`Extension: ${extensionId}`, `[error] ${what}: ${detail}\n`);
  }

  /** A note for the extension's author that is no failure (VS Code logs these as warnings). */
  reportWarning(extensionId: string, message: string): void {
    this.options.log(`[${extensionId}] ${message}`);
    this.window.appendOutput(`Extension: ${extensionId}`, `[warning] ${message}\n`);
  }

  /** Runs extension code; a throw or rejection is reported and rethrown as ExtensionFailure. */
  async guard<T>(extensionId: string, what: string, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      this.reportError(extensionId, what, e);
      throw new ExtensionFailure({
        extensionId,
        message: `${what} failed in extension '${extensionId}': ${describe(e)}`,
      });
    }
  }

  async activateByEvent(event: string): Promise<void> {
    const matching = this.runtimes.filter(
      (r) => r.activationEvents.includes(event) || r.activationEvents.includes("*"),
    );
    await Promise.all(matching.map((r) => this.activate(r, event).catch(() => undefined)));
  }

  /** `*`, `workspaceContains:`, `onLanguage:` of open documents, then `onStartupFinished` once. */
  async activateForWorkspace(contains: (pattern: string) => boolean, languages: Iterable<string>): Promise<void> {
    await this.activateByEvent("*");
    for (const r of this.runtimes) {
      for (const event of r.activationEvents) {
        if (event.startsWith("workspaceContains:") && contains(event.slice("workspaceContains:".length))) {
          await this.activate(r, event).catch(() => undefined);
        }
      }
    }
    for (const language of new Set(languages)) await this.activateByEvent(`onLanguage:${language}`);
    if (!this.startupFinished) {
      this.startupFinished = true;
      // Not awaited: onStartupFinished must not delay the workbench.
      void this.activateByEvent("onStartupFinished");
    }
  }

  activate(runtime: ExtensionRuntime, reason: string): Promise<void> {
    runtime.activation ??= this.doActivate(runtime, reason);
    return runtime.activation;
  }

  private async doActivate(runtime: ExtensionRuntime, reason: string): Promise<void> {
    const { manifest, location } = runtime.description;
    const started = performance.now();
    try {
      if (manifest.main) {
        const requireFromExtension = createRequire(join(location, "package.json"));
        const mod = requireFromExtension(resolve(location, manifest.main)) as ExtensionModule;
        runtime.module = mod;
        if (typeof mod.activate === "function") {
          const activate = mod.activate;
          runtime.exports = await this.guard(runtime.id, "activate", () => activate(this.contextFor(runtime)));
        }
      }
      runtime.activated = true;
      runtime.activationMs = Math.round((performance.now() - started) * 10) / 10;
      this.options.log(`activated ${runtime.id} (${reason}) in ${runtime.activationMs} ms`);
    } catch (e) {
      runtime.error = describe(e);
      if (!(e instanceof ExtensionFailure)) this.reportError(runtime.id, "loading", e);
      // Half-activated: take back the commands, providers and items it registered.
      this.disposeAll(runtime);
      throw e;
    } finally {
      const infos = this.infos();
      for (const l of this.changeListeners) l(infos);
    }
  }

  async deactivateAll(): Promise<void> {
    for (const r of this.runtimes.filter((x) => x.activated)) {
      await this.guard(r.id, "deactivate", () => r.module?.deactivate?.()).catch(() => undefined);
      this.disposeAll(r);
    }
  }

  private disposeAll(runtime: ExtensionRuntime): void {
    for (const d of [...runtime.subscriptions.splice(0), ...runtime.registrations.splice(0)]) {
      try {
        d.dispose();
      } catch (e) {
        this.reportError(runtime.id, "dispose", e);
      }
    }
  }
}
