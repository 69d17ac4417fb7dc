/**
 * VS Code's KeybindingResolver: default rules, then extensions', then the user's; a user rule
 * `-command` removes the earlier rules of that command (with that key / when, if it names them);
 * among the rules for a key sequence the last whose `when` holds wins; a first chord that starts
 * a longer binding whose `when` holds waits for the next key.
 */
import { parseKeybinding, type Chord } from "./keys.js";
import { whenMatches, type ContextLookup } from "./when.js";

export interface KeybindingRule {
  readonly chords: ReadonlyArray<Chord>;
  readonly command: string;
  readonly args?: unknown;
  readonly when?: string;
  /** "Default", "User", or the contributing extension's id. */
  readonly source: string;
}

export interface RawRule {
  readonly key: string;
  readonly command: string;
  readonly args?: unknown;
  readonly when?: string;
  readonly source: string;
}

export type Resolution =
  { readonly kind: "command"; readonly rule: KeybindingRule } | { readonly kind: "chord" } | { readonly kind: "none" };

const sameChords = (a: ReadonlyArray<Chord>, b: ReadonlyArray<Chord>): boolean =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/** Rules in precedence order (later wins), removals applied; bad keys are reported and skipped. */
export const buildRules = (
  raw: ReadonlyArray<RawRule>,
  warn: (message: string) => void = () => undefined,
): KeybindingRule[] => {
  const rules: KeybindingRule[] = [];
  for (const r of raw) {
    if (r.command.startsWith("-")) {
      const command = r.command.slice(1);
      const chords = r.key ? parseKeybinding(r.key) : undefined;
      for (let i = rules.length - 1; i >= 0; i--) {
        const rule = rules[i]!;
        if (rule.command !== command) continue;
        if (chords && !sameChords(chords, rule.chords)) continue;
        if (r.when !== undefined && r.when !== rule.when) continue;
        rules.splice(i, 1);
      }
      continue;
    }
    const chords = parseKeybinding(r.key);
    if (!chords) {
      warn(`${r.source}: keybinding "${r.key}" for ${r.command} names no key`);
      continue;
    }
    rules.push({
      chords,
      command: r.command,
      ...(r.args !== undefined ? { args: r.args } : {}),
      ...(r.when !== undefined ? { when: r.when } : {}),
      source: r.source,
    });
  }
  return rules;
};

export const resolve = (
  rules: ReadonlyArray<KeybindingRule>,
  pressed: ReadonlyArray<Chord>,
  context: ContextLookup,
  enabled: (command: string) => boolean = () => true,
): Resolution => {
  const holds = (r: KeybindingRule) => whenMatches(r.when, context) && enabled(r.command);
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    if (r.chords.length > pressed.length && pressed.every((c, j) => c === r.chords[j]) && holds(r)) {
      return { kind: "chord" };
    }
  }
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    if (sameChords(r.chords, pressed) && holds(r)) return { kind: "command", rule: r };
  }
  return { kind: "none" };
};

/** The binding shown next to a command (palette, menus): its last rule, as VS Code shows. */
export const primaryKeybinding = (
  rules: ReadonlyArray<KeybindingRule>,
  command: string,
): KeybindingRule | undefined => {
  for (let i = rules.length - 1; i >= 0; i--) if (rules[i]!.command === command) return rules[i];
  return undefined;
};
