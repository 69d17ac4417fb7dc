/**
 * Fills the gaps of the `vscode` object from @types/vscode's surface (generated list): a member
 * the host does not implement yet throws a clear error when used instead of being `undefined`,
 * which would kill an extension at load ("undefined is not a constructor").
 */
import { Disposable } from "./types.js";
import type { VscodeSurface } from "./vscode-surface.js";

export const notImplementedMessage = (path: string): string => `vscode.${path} is not implemented yet in Direct Editor`;

const standIns = new WeakSet<object>();
/** True for the functions, getters and classes this module put in place of a missing member. */
export const isStandIn = (value: unknown): boolean =>
  (typeof value === "function" || (typeof value === "object" && value !== null)) && standIns.has(value);

const thrower = (path: string): (() => never) => {
  const notImplemented = (): never => {
    throw new Error(notImplementedMessage(path));
  };
  standIns.add(notImplemented);
  return notImplemented;
};

/** A class stand-in: `new vscode.X()` (and calling it) throws the not-implemented error. */
const missingClass = (name: string): unknown => {
  const fail = thrower(name);
  const named = {
    [name]: class {
      constructor() {
        fail();
      }
    },
  };
  const standIn = named[name];
  if (standIn) standIns.add(standIn);
  return standIn;
};

export interface SurfaceReport {
  readonly implemented: string[];
  readonly notImplemented: string[];
  /** Events that never fire (subscribing works so extensions load; counted as not implemented). */
  readonly inertEvents: string[];
}

/**
 * Adds a stand-in for each missing member to `api` (mutated) and reports which members of the
 * surface are real. Functions and classes throw when used; values throw when read; events are inert.
 */
export const fillNotImplemented = (api: Record<string, unknown>, surface: VscodeSurface): SurfaceReport => {
  const implemented: string[] = [];
  const notImplemented: string[] = [];
  const inertEvents: string[] = [];
  const topLevel = [...surface.classes, ...Object.keys(surface.enums), ...surface.values];
  for (const name of topLevel) {
    if (name in api) implemented.push(name);
    else {
      api[name] = missingClass(name);
      notImplemented.push(name);
    }
  }
  for (const [ns, members] of Object.entries(surface.namespaces)) {
    const existing = api[ns];
    const target: Record<string, unknown> =
      typeof existing === "object" && existing !== null ? (existing as Record<string, unknown>) : {};
    api[ns] = target;
    for (const [member, kind] of Object.entries(members)) {
      const path = `${ns}.${member}`;
      if (member in target) {
        implemented.push(path);
        continue;
      }
      notImplemented.push(path);
      if (kind === "function") target[member] = thrower(path);
      else if (kind === "event") {
        inertEvents.push(path);
        const inert = (): Disposable => new Disposable(() => undefined);
        standIns.add(inert);
        target[member] = inert;
      } else Object.defineProperty(target, member, { get: thrower(path), enumerable: true, configurable: true });
    }
  }
  return { implemented, notImplemented, inertEvents };
};
