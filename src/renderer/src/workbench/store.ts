/** A tiny observable value for React's useSyncExternalStore: one per concern, not one global blob. */
import { useSyncExternalStore } from "react";

export class Store<T> {
  private readonly listeners = new Set<() => void>();
  constructor(private value: T) {}
  get = (): T => this.value;
  set = (next: T): void => {
    if (next === this.value) return;
    this.value = next;
    for (const l of this.listeners) l();
  };
  update = (f: (current: T) => T): void => this.set(f(this.value));
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const useStore = <T>(store: Store<T>): T => useSyncExternalStore(store.subscribe, store.get);
