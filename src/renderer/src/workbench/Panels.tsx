/** The bottom panel: Problems (from diagnostics), Output (per channel), Developer (channel tools). */
import { useState } from "react";
import { ProfilerPanel } from "../profiler/ProfilerPanel.js";
import { errorText } from "./commands.js";
import { basename } from "./languages.js";
import { openAt } from "./search/open-at.js";
import { useStore } from "./store.js";
import type { PanelView, WorkbenchServices } from "./workbench-services.js";

const Problems = ({ services }: { services: WorkbenchServices }) => {
  const all = useStore(services.diagnostics);
  const rows = [...all.entries()].flatMap(([owner, byUri]) =>
    [...byUri.entries()].flatMap(([uri, list]) => list.map((d, i) => ({ key: `${owner}:${uri}:${i}`, uri, owner, d }))),
  );
  if (rows.length === 0) return <div className="muted pad">No problems have been detected in the workspace.</div>;
  return (
    <ul className="problems" data-testid="problems">
      {rows.map(({ key, uri, d }) => (
        <li key={key}>
          <button
            type="button"
            data-testid="problem"
            // VS Code puts the cursor at the problem's start (its range collapsed to the start).
            onClick={() => void openAt(services, uri, { line: d.range.start.line, column: d.range.start.character })}
          >
            <span className={`sev ${d.severity}`}>
              {d.severity === "error" ? "⊗" : d.severity === "warning" ? "⚠" : "ℹ"}
            </span>
            {d.message}
            <span className="muted">
              {" "}
              {d.source ?? ""} {basename(uri)} [Ln {d.range.start.line + 1}, Col {d.range.start.character + 1}]
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
};

const Output = ({ services }: { services: WorkbenchServices }) => {
  const output = useStore(services.output);
  const channel = useStore(services.outputChannel);
  return (
    <div className="output">
      <select
        aria-label="Output channel"
        data-testid="output-channel"
        value={channel ?? ""}
        onChange={(e) => services.outputChannel.set(e.target.value)}
      >
        {[...output.keys()].map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <pre data-testid="output-text">{channel ? output.get(channel) : ""}</pre>
    </div>
  );
};

interface Sample {
  readonly label: string;
  readonly outcome: string;
  readonly ms: number;
}

const Developer = ({ services }: { services: WorkbenchServices }) => {
  const extensions = useStore(services.extensions);
  const [text, setText] = useState("hello");
  const [samples, setSamples] = useState<ReadonlyArray<Sample>>([]);
  const [showProfiler, setShowProfiler] = useState(false);
  const run = async (label: string, call: () => Promise<unknown>): Promise<void> => {
    const t0 = performance.now();
    let outcome: string;
    try {
      outcome = JSON.stringify(await call());
    } catch (e) {
      outcome = errorText(e);
    }
    const ms = performance.now() - t0;
    setSamples((prev) => [{ label, outcome, ms }, ...prev].slice(0, 20));
  };
  return (
    <div className="developer pad">
      <section className="controls">
        <button
          type="button"
          data-testid="ping"
          onClick={() => void run("ping", () => services.channel.ping({ timeoutMs: 10_000 }))}
        >
          Ping
        </button>
        <input aria-label="Echo text" data-testid="echo-text" value={text} onChange={(e) => setText(e.target.value)} />
        <button
          type="button"
          data-testid="echo"
          onClick={() => void run("echo", () => services.channel.echo(text, { timeoutMs: 10_000 }))}
        >
          Echo
        </button>
        <button
          type="button"
          data-testid="call-back"
          onClick={() => void run("host → renderer", () => services.channel.callBack(text, { timeoutMs: 10_000 }))}
        >
          Ask host to call me back
        </button>
        <button type="button" data-testid="open-profiler" onClick={() => setShowProfiler((v) => !v)}>
          Developer: IPC Profiler
        </button>
      </section>
      {samples.length > 0 && (
        <table className="samples" data-testid="samples">
          <tbody>
            {samples.map((s, i) => (
              <tr key={samples.length - i} data-testid="sample">
                <td>{s.label}</td>
                <td data-testid="sample-outcome">{s.outcome}</td>
                <td>{s.ms.toFixed(2)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {showProfiler && <ProfilerPanel client={services.client} bridge={services.bridge} />}
      <h3>Running extensions</h3>
      <table className="samples" data-testid="running-extensions">
        <tbody>
          {extensions.map((e) => (
            <tr key={e.id}>
              <td>{e.displayName}</td>
              <td className="muted">{e.id}</td>
              <td>
                {e.error
                  ? `failed: ${e.error}`
                  : e.activated
                    ? `activated in ${e.activationMs ?? 0} ms`
                    : "not activated"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

const TABS: Array<[PanelView, string]> = [
  ["problems", "PROBLEMS"],
  ["output", "OUTPUT"],
  ["developer", "DEVELOPER"],
];

export const Panels = ({ services }: { services: WorkbenchServices }) => {
  const view = useStore(services.panel);
  if (!view) return null;
  return (
    <section className="panel" data-testid="panel">
      <nav className="panel-tabs">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            className={view === id ? "active" : ""}
            data-testid={`panel-tab-${id}`}
            onClick={() => services.panel.set(id)}
          >
            {label}
          </button>
        ))}
        <span className="spacer" />
        <button type="button" aria-label="close panel" onClick={() => services.panel.set(undefined)}>
          ×
        </button>
      </nav>
      <div className="panel-body">
        {view === "problems" && <Problems services={services} />}
        {view === "output" && <Output services={services} />}
        {view === "developer" && <Developer services={services} />}
      </div>
    </section>
  );
};
