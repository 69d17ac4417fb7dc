/**
 * A draggable divider (VS Code's "sash"): vertical ones resize the sidebar, horizontal ones the
 * panel. The size lives in a Store and is persisted, so the layout survives a reload.
 */
import type { PointerEvent as ReactPointerEvent } from "react";
import { Store } from "./store.js";

export const persistedSize = (key: string, initial: number): Store<number> => {
  const saved = Number(localStorage.getItem(`direct-editor.layout.${key}`));
  const store = new Store(Number.isFinite(saved) && saved > 0 ? saved : initial);
  store.subscribe(() => localStorage.setItem(`direct-editor.layout.${key}`, String(store.get())));
  return store;
};

export const Sash = ({
  orientation,
  size,
  min,
  max,
  invert = false,
  testId,
}: {
  orientation: "vertical" | "horizontal";
  size: Store<number>;
  min: number;
  max: number;
  /** The panel grows when dragged up: the pointer delta counts negatively. */
  invert?: boolean;
  testId: string;
}) => {
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const start = orientation === "vertical" ? e.clientX : e.clientY;
    const startSize = size.get();
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (m: PointerEvent) => {
      const delta = (orientation === "vertical" ? m.clientX : m.clientY) - start;
      size.set(Math.round(Math.min(max, Math.max(min, startSize + (invert ? -delta : delta)))));
    };
    const up = () => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
  };
  return (
    <div
      className={`sash sash-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      data-testid={testId}
      onPointerDown={onPointerDown}
    />
  );
};
