/** Toasts for window.show*Message; the clicked item (or null) answers the extension. */
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const Notifications = ({ services }: { services: WorkbenchServices }) => {
  const list = useStore(services.notifications);
  const progress = useStore(services.features.progress);
  return (
    <div className="notifications">
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
      {list.map((n) => (
        <div key={n.id} className={`toast ${n.request.severity}`} data-testid="notification" role="alert">
          <div className="toast-message">{n.request.message}</div>
          <div className="toast-source">{n.request.extensionId}</div>
          <div className="toast-actions">
            {n.request.items.map((item) => (
              <button key={item} type="button" onClick={() => services.dismiss(n, item)}>
                {item}
              </button>
            ))}
            <button type="button" aria-label="close" onClick={() => services.dismiss(n, null)}>
              ×
            </button>
          </div>
        </div>
      ))}
    </div>
  );
};
