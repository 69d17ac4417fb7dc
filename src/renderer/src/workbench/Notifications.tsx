/**
 * Toasts for window.show*Message and the workbench's own messages, and the notification centre.
 * As in VS Code, a toast hides after a while unless the mouse is over it or it has focus; errors
 * and notifications with buttons stay (the extension waits for an answer). A hidden toast stays in
 * the centre (status bar bell, `notifications.showList`) until it is closed there; closing answers
 * the extension with no item.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { ProgressNotifications } from "./ProgressNotifications.js";
import { Store, useStore } from "./store.js";
import type { Notification, WorkbenchServices } from "./workbench-services.js";

/** How long a toast stays unless hovered or focused. */
export const TOAST_TIMEOUT_MS = 10_000;

export const notificationCenterOpen = new Store(false);

/** Errors and notifications with buttons wait for the user. */
export const isSticky = (n: Notification): boolean => n.request.severity === "error" || n.request.items.length > 0;

export const clearAllNotifications = (services: WorkbenchServices): void => {
  for (const n of services.notifications.get()) services.dismiss(n, null);
  notificationCenterOpen.set(false);
};

const Body = ({ services, n }: { services: WorkbenchServices; n: Notification }) => (
  <>
    <div className="toast-message">{n.request.message}</div>
    <div className="toast-source">{n.request.extensionId}</div>
    <div className="toast-actions">
      {n.request.items.map((item) => (
        <button key={item} type="button" onClick={() => services.dismiss(n, item)}>
          {item}
        </button>
      ))}
      <button
        type="button"
        aria-label="close"
        data-testid="notification-close"
        onClick={() => services.dismiss(n, null)}
      >
        ×
      </button>
    </div>
  </>
);

const Toast = ({
  services,
  n,
  onHide,
}: {
  services: WorkbenchServices;
  n: Notification;
  onHide: (id: number) => void;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const sticky = isSticky(n);
  // (Re)armed whenever the mouse or focus leaves, like VS Code's purge timer.
  useEffect(() => {
    if (sticky || hovered || focused) return;
    const timer = setTimeout(() => onHide(n.id), TOAST_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [sticky, hovered, focused, onHide, n.id]);
  return (
    <div
      ref={ref}
      className={`toast ${n.request.severity}`}
      data-testid="notification"
      data-severity={n.request.severity}
      role="alert"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!ref.current?.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <Body services={services} n={n} />
    </div>
  );
};

const Center = ({ services }: { services: WorkbenchServices }) => {
  const list = useStore(services.notifications);
  return (
    <section className="notification-center" data-testid="notification-center" aria-label="Notifications">
      <header>
        <span>{list.length === 0 ? "NO NEW NOTIFICATIONS" : "NOTIFICATIONS"}</span>
        <span className="spacer" />
        <button
          type="button"
          title="Clear All Notifications"
          aria-label="Clear All Notifications"
          data-testid="notifications-clear-all"
          onClick={() => clearAllNotifications(services)}
        >
          <span className="codicon codicon-clear-all" aria-hidden="true" />
        </button>
        <button type="button" aria-label="Hide Notifications" onClick={() => notificationCenterOpen.set(false)}>
          <span className="codicon codicon-chevron-down" aria-hidden="true" />
        </button>
      </header>
      <div className="notification-list">
        {list.map((n) => (
          <div key={n.id} className={`toast ${n.request.severity}`} data-testid="center-notification">
            <Body services={services} n={n} />
          </div>
        ))}
      </div>
    </section>
  );
};

export const Notifications = ({ services }: { services: WorkbenchServices }) => {
  const list = useStore(services.notifications);
  const centerOpen = useStore(notificationCenterOpen);
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const hide = useCallback((id: number) => setHidden((s) => new Set(s).add(id)), []);
  // While the centre is open it shows everything and toasts are hidden (VS Code does the same).
  const toasts = centerOpen ? [] : list.filter((n) => !hidden.has(n.id));
  return (
    <>
      <div className="notifications">
        <ProgressNotifications services={services} />
        {toasts.map((n) => (
          <Toast key={n.id} services={services} n={n} onHide={hide} />
        ))}
      </div>
      {centerOpen && <Center services={services} />}
    </>
  );
};

/** The status bar bell: the number of notifications; a click toggles the centre. */
export const NotificationBell = ({ services }: { services: WorkbenchServices }) => {
  const count = useStore(services.notifications).length;
  const open = useStore(notificationCenterOpen);
  return (
    <button
      type="button"
      className="status-item"
      data-testid="status-notifications"
      data-count={count}
      title={count === 0 ? "No Notifications" : `${count} New Notification${count === 1 ? "" : "s"}`}
      aria-pressed={open}
      onClick={() => notificationCenterOpen.update((v) => !v)}
    >
      <span className={`codicon codicon-${count === 0 ? "bell" : "bell-dot"}`} aria-hidden="true" />
      {count > 0 && <span> {count}</span>}
    </button>
  );
};
