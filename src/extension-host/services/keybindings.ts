/**
 * `contributes.keybindings`, `contributes.menus` and the commands' icons / enablement, plus the
 * user's keybindings.json (JSONC, watched): what the window's keybinding and menu services need.
 * The platform variant of each key (`mac` / `linux` / `win`, else `key`) is chosen here.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type {
  CommandPresentationDto,
  KeybindingRuleDto,
  KeybindingsAndMenus,
} from "../../protocol/contracts/configuration.js";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import { JsoncFile } from "./configuration-files.js";
import { collectMenuContributions } from "./menu-contributions.js";

interface KeyVariants {
  readonly key?: string;
  readonly mac?: string;
  readonly linux?: string;
  readonly win?: string;
}

export const keyForPlatform = (k: KeyVariants, platform: NodeJS.Platform = process.platform): string | undefined =>
  (platform === "darwin" ? k.mac : platform === "win32" ? k.win : k.linux) ?? k.key;

export class KeybindingsService {
  readonly userFile: JsoncFile;
  private userRules: KeybindingRuleDto[] = [];
  private lastError: string | undefined;

  constructor(
    private readonly runtimes: ReadonlyArray<ExtensionRuntime>,
    userDir: string,
    private readonly onChange: () => void,
    private readonly reportError: (message: string) => void,
  ) {
    this.userFile = new JsoncFile(join(userDir, "keybindings.json"), "keybindings.json");
    this.reload(false);
    this.userFile.watch(() => this.reload(true));
  }

  snapshot(): KeybindingsAndMenus {
    const keybindings: KeybindingRuleDto[] = [];
    const commands: CommandPresentationDto[] = [];
    const { menus, submenuItems, submenus } = collectMenuContributions(
      this.runtimes.map((r) => ({ id: r.id, manifest: r.description.manifest })),
    );
    for (const r of this.runtimes) {
      const contributes = r.description.manifest.contributes;
      if (!contributes) continue;
      const kb = contributes.keybindings;
      for (const k of kb === undefined ? [] : Array.isArray(kb) ? kb : [kb]) {
        const rule = k as KeyVariants & { command: string; when?: string; args?: unknown };
        const key = keyForPlatform(rule);
        if (!key) continue;
        keybindings.push({
          key,
          command: rule.command,
          ...(rule.when ? { when: rule.when } : {}),
          ...(rule.args !== undefined ? { args: rule.args } : {}),
          source: r.id,
        });
      }
      for (const c of contributes.commands ?? []) {
        commands.push({
          id: c.command,
          title: c.title,
          ...(c.category ? { category: c.category } : {}),
          ...(typeof c.icon === "string" ? { icon: c.icon } : {}),
          ...(c.enablement ? { enablement: c.enablement } : {}),
        });
      }
    }
    return {
      keybindings: [...keybindings, ...this.userRules],
      userKeybindingsFile: pathToFileURL(this.userFile.path).href,
      menus,
      commands,
      submenuItems,
      submenus,
    };
  }

  ensureUserFile(): string {
    if (!this.userFile.exists) {
      this.userFile.write("// Place your key bindings in this file to override the defaults\n[\n]\n");
    }
    return pathToFileURL(this.userFile.path).href;
  }

  dispose(): void {
    this.userFile.dispose();
  }

  private reload(fire: boolean): void {
    const read = this.userFile.read<unknown[]>("array");
    if (!read.ok) {
      if (read.error !== this.lastError) {
        this.lastError = read.error;
        this.reportError(`Unable to parse ${read.error}. The last valid keybindings stay in use.`);
      }
      return;
    }
    this.lastError = undefined;
    const rules: KeybindingRuleDto[] = [];
    for (const entry of read.value) {
      if (typeof entry !== "object" || entry === null) continue;
      const e = entry as Record<string, unknown>;
      if (typeof e["command"] !== "string") continue;
      const key = typeof e["key"] === "string" ? e["key"] : "";
      rules.push({
        key,
        command: e["command"],
        ...(typeof e["when"] === "string" ? { when: e["when"] } : {}),
        ...(e["args"] !== undefined ? { args: e["args"] } : {}),
        source: "user",
      });
    }
    this.userRules = rules;
    if (fire) this.onChange();
  }
}
