/** Channel state on the left (click to reconnect when down), extension items by alignment and priority. */
import type { StatusBarItemDto } from "../../../protocol/workbench.js";
import type { ChannelState } from "../channel/channel-state.js";
import { runHostCommand } from "./commands.js";
import { cursorStatusLabel, setEol } from "./editor/cursor-status.js";
import { monaco } from "./editor/monaco.js";
import { NotificationBell } from "./Notifications.js";
import { useStore } from "./store.js";
import { useChannelState } from "../use-channel-state.js";
import type { WorkbenchServices } from "./workbench-services.js";

const channelLabel = (s: ChannelState): string => {
  switch (s._tag) {
    case "Connecting":
      return "Extension host: connecting…";
    case "Connected":
      return s.responsive ? "Extension host: connected" : "Extension host: unresponsive";
    case "Reconnecting":
      return `Extension host: reconnecting (attempt ${s.attempt})`;
    case "Dead":
      return "Extension host: disconnected — click to reconnect";
  }
};

/** `$(icon)` codicon syntax from extensions, rendered with @vscode/codicons; the rest is plain text. */
const withIcons = (t: string) =>
  t.split(/(\$\([\w-]+\))\s*/).map((part, i) => {
    const icon = /^\$\(([\w-]+)\)$/.exec(part);
    return icon ? <span key={i} className={`codicon codicon-${icon[1]}`} aria-hidden="true" /> : part;
  });

const StatusItem = ({ services, item }: { services: WorkbenchServices; item: StatusBarItemDto }) => (
  <button
    type="button"
    className="status-item"
    title={item.tooltip}
    data-testid="status-item"
    onClick={() => item.command && void runHostCommand(services, item.command)}
  >
    {withIcons(item.text)}
  </button>
);

/** Ln/Col (click: Go to Line), selection, indentation, EOL (click: toggle), language — VS Code's order. */
const EditorStatusItems = ({ services }: { services: WorkbenchServices }) => {
  const status = useStore(services.editor.cursorStatus);
  if (!status) return null;
  const editor = () => services.editor.focused.get();
  return (
    <>
      <button
        type="button"
        className="status-item"
        data-testid="status-cursor"
        title="Go to Line/Column"
        onClick={() => {
          editor()?.focus();
          editor()?.trigger("statusbar", "editor.action.gotoLine", null);
        }}
      >
        {cursorStatusLabel(status)}
      </button>
      <span className="status-item" data-testid="status-indentation">
        {status.indentation}
      </span>
      <button
        type="button"
        className="status-item"
        data-testid="status-eol"
        title="Select End of Line Sequence"
        onClick={() => setEol(editor(), status.eol === "LF" ? "CRLF" : "LF")}
      >
        {status.eol}
      </button>
      <span className="status-item" data-testid="status-language">
        {monaco.languages
          .getLanguages()
          .filter((l) => l.id === status.languageId)
          .flatMap((l) => l.aliases ?? [])[0] ?? status.languageId}
      </span>
    </>
  );
};

export const StatusBar = ({ services }: { services: WorkbenchServices }) => {
  const state = useChannelState(services.client);
  const items = [...useStore(services.statusItems).values()].filter((i) => i.visible);
  const active = useStore(services.documents.active);
  const problems = [...useStore(services.diagnostics).values()].flatMap((m) => [...m.values()]).flat();
  const byAlignment = (a: "left" | "right") =>
    items.filter((i) => i.alignment === a).sort((x, y) => y.priority - x.priority);
  const kind =
    state._tag === "Connected" ? (state.responsive ? "ok" : "warn") : state._tag === "Dead" ? "dead" : "warn";
  return (
    <footer className={`statusbar status-${kind}`} data-testid="statusbar">
      <button
        type="button"
        className="status-item"
        data-testid="channel-state"
        data-state={state._tag}
        title={state._tag === "Reconnecting" ? state.lastError : state._tag === "Dead" ? state.reason : ""}
        onClick={() => state._tag !== "Connected" && void services.client.reconnect()}
      >
        {channelLabel(state)}
      </button>
      <button
        type="button"
        className="status-item"
        onClick={() => services.panel.set("problems")}
        data-testid="status-problems"
      >
        ⊗ {problems.filter((p) => p.severity === "error").length} ⚠{" "}
        {problems.filter((p) => p.severity === "warning").length}
      </button>
      {byAlignment("left").map((i) => (
        <StatusItem key={i.id} services={services} item={i} />
      ))}
      <span className="spacer" />
      {byAlignment("right").map((i) => (
        <StatusItem key={i.id} services={services} item={i} />
      ))}
      {active && <EditorStatusItems services={services} />}
      <NotificationBell services={services} />
    </footer>
  );
};
