/**
 * The host bridge as the renderer sees it: the preload's in Electron, the web server's in a
 * plain browser (`npm run web`); absent when opened any other way.
 */
import { BRIDGE_KEY, type EditorHostBridge } from "../../protocol/ipc.js";
import { createWebBridge, isWebPage } from "./web-bridge.js";

export const getBridge = (): EditorHostBridge | undefined =>
  (window as unknown as Record<string, EditorHostBridge | undefined>)[BRIDGE_KEY] ??
  (isWebPage() ? createWebBridge() : undefined);
