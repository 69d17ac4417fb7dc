/** State the fake's parts share: the browser, the all-windows-closed hook, the test's channel. */
import type { BrowserContext } from "playwright-core";
import type { ControlMessage } from "./wire.js";

import type { OriginRule } from "./chromium.js";

let context: BrowserContext | undefined;
let addOriginRule: (rule: OriginRule) => Promise<void> = () => Promise.resolve();
let allWindowsClosed: () => void = () => undefined;

export const setBrowserContext = (c: BrowserContext, originRule: (rule: OriginRule) => Promise<void>): void => {
  context = c;
  addOriginRule = originRule;
};
export const originRule = (rule: OriginRule): Promise<void> => addOriginRule(rule);

export const browserContext = (): BrowserContext => {
  if (!context) throw new Error("Cannot create BrowserWindow before app is ready");
  return context;
};

export const setAllWindowsClosedHandler = (handler: () => void): void => void (allWindowsClosed = handler);
export const onAllWindowsClosed = (): void => allWindowsClosed();

let closeRefused: () => void = () => undefined;
/** A window refused to close (its 'close' was prevented or its page kept it): a quit stops. */
export const setCloseRefusedHandler = (handler: () => void): void => void (closeRefused = handler);
export const onCloseRefused = (): void => closeRefused();

/** To the test that launched this app (fork IPC), when there is one. */
export const reportToControl = (m: ControlMessage): void => {
  if (process.connected) process.send?.(m);
};

/** The app folder, as `electron <dir>` gives it (set by cli.ts, read once by app). */
export const APP_PATH_ENV = "FAKE_ELECTRON_APP_PATH";
