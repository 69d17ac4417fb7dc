/** Commands: the ones extensions register, and the ones their manifests contribute. */
import { CommandNotFound } from "../../protocol/contracts/ext-host.js";
import type { CommandInfo } from "../../protocol/workbench.js";
import type { ExtensionsService } from "./extensions.js";
import type { Sessions } from "./sessions.js";

export interface RegisteredCommand {
  readonly extensionId: string;
  readonly handler: (...args: unknown[]) => unknown;
}

export class CommandsService {
  private readonly commands = new Map<string, RegisteredCommand>();

  constructor(
    private readonly extensions: ExtensionsService,
    private readonly sessions: Sessions,
  ) {}

  register(id: string, command: RegisteredCommand): () => void {
    if (this.commands.has(id)) throw new Error(`command '${id}' already exists`);
    this.commands.set(id, command);
    this.changed();
    return () => {
      if (this.commands.get(id) !== command) return;
      this.commands.delete(id);
      this.changed();
    };
  }

  ids(): string[] {
    return [...this.commands.keys()];
  }

  list(): CommandInfo[] {
    const out = new Map<string, CommandInfo>();
    for (const r of this.extensions.runtimes) {
      for (const c of r.description.manifest.contributes?.commands ?? []) {
        out.set(c.command, {
          id: c.command,
          title: c.title,
          ...(c.category ? { category: c.category } : {}),
          extensionId: r.id,
        });
      }
    }
    for (const [id, c] of this.commands) if (!out.has(id)) out.set(id, { id, title: id, extensionId: c.extensionId });
    return [...out.values()];
  }

  /** Activates `onCommand:<id>` first, like VS Code; the extension's failure is an ExtensionFailure. */
  async execute(id: string, args: ReadonlyArray<unknown>): Promise<unknown> {
    await this.extensions.activateByEvent(`onCommand:${id}`);
    const command = this.commands.get(id);
    if (!command) throw new CommandNotFound({ command: id, message: `command '${id}' not found` });
    return this.extensions.guard(command.extensionId, `command '${id}'`, () => command.handler(...args));
  }

  private changed(): void {
    this.sessions.broadcast((s) => s.workbench.commandsChanged());
  }
}

/** Command results cross the wire as JSON; anything else becomes its JSON form or null. */
export const jsonSafe = (v: unknown): unknown => {
  if (v === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(v)) as unknown;
  } catch {
    return null;
  }
};
