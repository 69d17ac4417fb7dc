/**
 * Keybinding strings as VS Code writes them (`ctrl+shift+k`, `ctrl+k ctrl+s`, `cmd+,`): parsed
 * into chords with their modifiers in one order, matched against keyboard events by physical key
 * (`event.code`, so Shift or a layout does not change a letter), and shown as `Ctrl+K Ctrl+S`.
 */

const MODIFIERS = ["ctrl", "shift", "alt", "meta"] as const;
const MODIFIER_ALIASES: Readonly<Record<string, (typeof MODIFIERS)[number]>> = {
  ctrl: "ctrl",
  control: "ctrl",
  shift: "shift",
  alt: "alt",
  option: "alt",
  meta: "meta",
  cmd: "meta",
  win: "meta",
  super: "meta",
};

const CODE_TO_KEY: Readonly<Record<string, string>> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
  Escape: "escape",
  Enter: "enter",
  NumpadEnter: "enter",
  Tab: "tab",
  Space: "space",
  Backspace: "backspace",
  Delete: "delete",
  Insert: "insert",
  Home: "home",
  End: "end",
  PageUp: "pageup",
  PageDown: "pagedown",
  Minus: "-",
  Equal: "=",
  BracketLeft: "[",
  BracketRight: "]",
  Backslash: "\\",
  Semicolon: ";",
  Quote: "'",
  Comma: ",",
  Period: ".",
  Slash: "/",
  Backquote: "`",
};

/** One chord part, normalized: "ctrl+shift+k". */
export type Chord = string;

/** "Ctrl+K  ctrl+S" → ["ctrl+k", "ctrl+s"]; undefined when a part names no key. */
export const parseKeybinding = (text: string): Chord[] | undefined => {
  const parts = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const chords: Chord[] = [];
  for (const part of parts) {
    // "ctrl++" binds the plus key: split on '+' but keep a trailing one.
    const pieces = part.endsWith("++") ? [...part.slice(0, -2).split("+"), "+"] : part.split("+");
    const mods = new Set<string>();
    let key: string | undefined;
    for (const p of pieces) {
      const mod = MODIFIER_ALIASES[p];
      if (mod && key === undefined && p !== pieces.at(-1)) mods.add(mod);
      else if (key === undefined && p !== "") key = p;
      else return undefined;
    }
    if (!key) return undefined;
    chords.push([...MODIFIERS.filter((m) => mods.has(m)), key].join("+"));
  }
  return chords;
};

/** The chord a keydown means, or undefined for a lone modifier or an unknown key. */
export const chordOfEvent = (
  e: Pick<KeyboardEvent, "code" | "key" | "ctrlKey" | "shiftKey" | "altKey" | "metaKey">,
): Chord | undefined => {
  let key: string | undefined;
  if (/^Key[A-Z]$/.test(e.code)) key = e.code.slice(3).toLowerCase();
  else if (/^Digit\d$/.test(e.code)) key = e.code.slice(5);
  else if (/^Numpad\d$/.test(e.code)) key = `numpad${e.code.slice(6)}`;
  else if (/^F\d{1,2}$/.test(e.code)) key = e.code.toLowerCase();
  else key = CODE_TO_KEY[e.code];
  if (!key) return undefined;
  const mods = [e.ctrlKey && "ctrl", e.shiftKey && "shift", e.altKey && "alt", e.metaKey && "meta"].filter(Boolean);
  return [...mods, key].join("+");
};

/** The renderer runs on macOS (its keys and menus follow the Mac conventions there). */
export const isMac = (): boolean => typeof navigator !== "undefined" && /Mac/.test(navigator.platform);

/** `ctrl+k ctrl+s` → `Ctrl+K Ctrl+S` (⌘ on a Mac for meta). */
export const keybindingLabel = (chords: ReadonlyArray<Chord>): string =>
  chords
    .map((c) =>
      c
        .split("+")
        .map((p) =>
          p === "meta"
            ? isMac()
              ? "Cmd"
              : "Meta"
            : p.length === 1
              ? p.toUpperCase()
              : p.charAt(0).toUpperCase() + p.slice(1),
        )
        .join("+"),
    )
    .join(" ");
