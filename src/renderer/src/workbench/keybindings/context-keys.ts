/**
 * The context keys `when` clauses read (VS Code's ContextKeyService, for one window): keys set
 * with the `setContext` command, computed workbench keys read at the moment they are asked
 * (so a keystroke sees the focus it happened in), and `config.<setting>` from the settings.
 */
import { Store } from "../store.js";

export type ContextProvider = (key: string) => unknown;

export class ContextKeyService {
  private readonly explicit = new Map<string, unknown>();
  /** Bumped when a key is set: menus re-evaluate their `when` clauses. */
  readonly version = new Store(0);

  constructor(
    private readonly computed: ContextProvider,
    private readonly setting: (key: string) => unknown,
  ) {}

  get = (key: string): unknown => {
    if (this.explicit.has(key)) return this.explicit.get(key);
    if (key.startsWith("config.")) return this.setting(key.slice("config.".length));
    return this.computed(key);
  };

  set(key: string, value: unknown): void {
    if (value === undefined || value === null) this.explicit.delete(key);
    else this.explicit.set(key, value);
    this.changed();
  }

  /** Some computed key may have changed (focus, active editor, settings). */
  changed(): void {
    this.version.update((v) => v + 1);
  }

  /** A lookup with a few keys of its own on top (`view` for a view's title menu). */
  with(overlay: Readonly<Record<string, unknown>>): (key: string) => unknown {
    return (key) => (Object.prototype.hasOwnProperty.call(overlay, key) ? overlay[key] : this.get(key));
  }
}
