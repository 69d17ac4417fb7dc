/** The workbench's modal dialog (Save / Don't Save / Cancel…): Escape or a click outside answers null (Cancel). */
import { useEffect, useRef } from "react";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const Dialog = ({ services }: { services: WorkbenchServices }) => {
  const d = useStore(services.dialog);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!d) return;
    first.current?.focus();
    // Capture phase: Monaco or the palette must not see the keys a modal dialog owns.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      services.answerDialog(d, null);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [d, services]);
  if (!d) return null;
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && services.answerDialog(d, null)}
    >
      <div className="dialog" role="dialog" aria-modal="true" aria-label={d.message} data-testid="dialog">
        <div className="dialog-message">{d.message}</div>
        {d.detail && <div className="dialog-detail">{d.detail}</div>}
        <div className="dialog-buttons">
          {d.buttons.map((label, index) => (
            <button
              key={label}
              ref={index === 0 ? first : undefined}
              type="button"
              data-testid="dialog-button"
              onClick={() => services.answerDialog(d, index)}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
};
