/**
 * What a reload of this window must bring back: the opened folder and the open tabs (with the
 * active one). Kept in sessionStorage, which lives as long as the window (it survives Reload
 * Window, not a new window); unsaved text is in the localStorage backups (documents.ts).
 */
import { Schema } from "effect";

const KEY = "direct-editor.window";

const WindowState = Schema.Struct({
  folder: Schema.NullOr(Schema.String),
  tabs: Schema.Array(Schema.String),
  active: Schema.NullOr(Schema.String),
});
export type WindowState = typeof WindowState.Type;

const decode = Schema.decodeUnknownOption(Schema.fromJsonString(WindowState));

export const loadWindowState = (storage: Storage = sessionStorage): WindowState | undefined => {
  const raw = storage.getItem(KEY);
  if (raw === null) return undefined;
  const state = decode(raw);
  if (state._tag === "Some") return state.value;
  storage.removeItem(KEY);
  return undefined;
};

export const saveWindowState = (state: WindowState, storage: Storage = sessionStorage): void =>
  storage.setItem(KEY, JSON.stringify(state));
