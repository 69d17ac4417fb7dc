/** The preload's bridge as the renderer sees it (absent when opened outside Electron). */
import { BRIDGE_KEY, type EditorHostBridge } from "../../preload/api.js";

export const getBridge = (): EditorHostBridge | undefined =>
  (window as unknown as Record<string, EditorHostBridge | undefined>)[BRIDGE_KEY];
