/** Toasts for window.show*Message; the clicked item (or null) answers the extension. */
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const Notifications = ({ services }: { services: WorkbenchServices }) => {
  const list = useStore(services.notifications);
  return (
    <div className="notifications">
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
