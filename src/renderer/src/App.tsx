import { useState } from "react";
import { HostMethods } from "../../protocol/methods.js";
import type { ChannelClient } from "./channel/channel-client.js";
import type { ChannelState } from "./channel/channel-state.js";
import type { EditorHostBridge } from "../../preload/api.js";
import { ProfilerPanel } from "./profiler/ProfilerPanel.js";
import { useChannelState } from "./use-channel-state.js";

const describeState = (s: ChannelState): string => {
  switch (s._tag) {
    case "Connecting":
      return `Connecting (attempt ${s.attempt})`;
    case "Connected":
      return s.responsive ? `Connected to port ${s.port}` : `Connected, but the extension host is unresponsive`;
    case "Reconnecting":
      return `Reconnecting (attempt ${s.attempt}): ${s.lastError}`;
    case "Dead":
      return `Disconnected: ${s.reason}`;
  }
};

const errorText = (e: unknown): string => {
  const tag = (e as { _tag?: string })._tag;
  const message = e instanceof Error ? e.message : String(e);
  return tag ? `${tag}: ${message}` : message;
};

interface Sample {
  readonly label: string;
  readonly outcome: string;
  readonly ms: number;
}

export const App = ({ client, bridge }: { client: ChannelClient; bridge?: EditorHostBridge }) => {
  const state = useChannelState(client);
  const [text, setText] = useState("hello");
  const [samples, setSamples] = useState<ReadonlyArray<Sample>>([]);
  const [showProfiler, setShowProfiler] = useState(false);

  const run = async (label: string, method: string, params: ReadonlyArray<unknown>): Promise<void> => {
    const t0 = performance.now();
    let outcome: string;
    try {
      outcome = JSON.stringify(await client.call(method, params, { timeoutMs: 10_000 }));
    } catch (e) {
      outcome = errorText(e);
    }
    const ms = performance.now() - t0;
    setSamples((prev) => [{ label, outcome, ms }, ...prev].slice(0, 20));
  };

  return (
    <main className="app">
      <header className="status" data-testid="channel-state" data-state={state._tag}>
        <span className={`dot dot-${state._tag.toLowerCase()}`} />
        {describeState(state)}
        {state._tag === "Dead" && (
          <button type="button" onClick={() => void client.reconnect()}>
            Reconnect
          </button>
        )}
      </header>
      <section className="controls">
        <button type="button" data-testid="ping" onClick={() => void run("ping", HostMethods.ping, [])}>
          Ping
        </button>
        <input aria-label="Echo text" data-testid="echo-text" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="button" data-testid="echo" onClick={() => void run("echo", HostMethods.echo, [text])}>
          Echo
        </button>
        <button
          type="button"
          data-testid="call-back"
          onClick={() => void run("host → renderer", HostMethods.callBack, [text])}
        >
          Ask host to call me back
        </button>
        <button type="button" data-testid="open-profiler" onClick={() => setShowProfiler((v) => !v)}>
          Developer: IPC Profiler
        </button>
      </section>
      <table className="samples" data-testid="samples">
        <thead>
          <tr>
            <th>call</th>
            <th>result</th>
            <th>round trip</th>
          </tr>
        </thead>
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
      {showProfiler && <ProfilerPanel client={client} bridge={bridge} />}
    </main>
  );
};
