/** `withProgress` at ProgressLocation.Notification: a toast with a progress bar and, when cancellable, Cancel. */
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const ProgressNotifications = ({ services }: { services: WorkbenchServices }) => {
  const progress = useStore(services.features.progress);
  return (
    <>
      {progress.map((p) => (
        <div key={`progress-${p.id}`} className="toast info" data-testid="progress-notification" role="status">
          <div className="toast-message">{[p.title, p.message].filter(Boolean).join(": ")}</div>
          <div
            className={`progress-bar ${p.percent === undefined ? "infinite" : ""}`}
            role="progressbar"
            aria-valuenow={p.percent}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <div style={p.percent === undefined ? undefined : { width: `${p.percent}%` }} />
          </div>
          <div className="toast-source">{p.source}</div>
          {p.cancellable && (
            <div className="toast-actions">
              <button
                type="button"
                data-testid="progress-cancel"
                onClick={() => services.features.cancelProgress(p.id)}
              >
                Cancel
              </button>
            </div>
          )}
        </div>
      ))}
    </>
  );
};
