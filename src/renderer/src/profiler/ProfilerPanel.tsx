/**
 * Developer: IPC Profiler. Runs the same echo calls over every path this app has (direct
 * WebSocket; main relay when a main process is there) and draws the distributions; shows
 * calls/s and p99 of the session's real traffic over the last 5 s.
 */
import { useEffect, useState } from "react";
import type { EditorHostBridge } from "../../../protocol/ipc.js";
import type { ChannelClient } from "../channel/channel-client.js";
import type { WindowStats } from "./latency-window.js";
import { CdfChart } from "./CdfChart.js";
import { runComparison, type Caller, type PathSummary } from "./compare.js";
import { portCaller } from "./port-caller.js";
import { relayCaller } from "./relay-caller.js";

const us = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(0)} µs`);

const useLiveStats = (client: ChannelClient): WindowStats => {
  const [stats, setStats] = useState<WindowStats>(() => client.liveStats());
  useEffect(() => {
    const timer = setInterval(() => setStats(client.liveStats()), 500);
    return () => clearInterval(timer);
  }, [client]);
  return stats;
};

export const ProfilerPanel = ({ client, bridge }: { client: ChannelClient; bridge: EditorHostBridge | undefined }) => {
  const live = useLiveStats(client);
  const [calls, setCalls] = useState(500);
  const [payloadBytes, setPayloadBytes] = useState(100);
  const [progress, setProgress] = useState("");
  const [results, setResults] = useState<ReadonlyArray<PathSummary>>([]);
  const [error, setError] = useState<string>();

  const run = async (): Promise<void> => {
    setError(undefined);
    const relay = bridge?.relay ? relayCaller(bridge.relay) : undefined;
    const port = bridge?.openMessagePort ? await portCaller(bridge).catch(() => undefined) : undefined;
    const paths: Array<{ name: string; caller: Caller }> = [{ name: "direct (WebSocket)", caller: client }];
    if (relay) paths.push({ name: "double hop (IPC → main → host)", caller: relay.caller });
    if (port) paths.push({ name: "MessagePort (VS Code's way)", caller: port.caller });
    try {
      setResults(await runComparison(paths, { calls, payloadBytes }, setProgress));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      relay?.dispose();
      port?.dispose();
    }
  };

  return (
    <section className="profiler" data-testid="profiler">
      <h2>Developer: IPC Profiler</h2>
      <p data-testid="profiler-live">
        Live (last 5 s): {live.callsPerSec.toFixed(1)} calls/s, p50 {us(live.p50Us)}, p99 {us(live.p99Us)}
      </p>
      <div className="controls">
        <label>
          calls{" "}
          <select value={calls} onChange={(e) => setCalls(Number(e.target.value))} data-testid="profiler-calls">
            {[100, 500, 2000].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          payload{" "}
          <select value={payloadBytes} onChange={(e) => setPayloadBytes(Number(e.target.value))}>
            <option value={100}>100 B</option>
            <option value={10 * 1024}>10 KiB</option>
            <option value={1024 * 1024}>1 MiB</option>
          </select>
        </label>
        <button type="button" data-testid="profiler-run" onClick={() => void run()}>
          Run comparison
        </button>
        <span data-testid="profiler-progress">{progress}</span>
      </div>
      {!bridge?.relay && (
        <p className="hint">No main process to relay through here: only the direct path is measured.</p>
      )}
      {error && <p className="fatal">{error}</p>}
      {results.length > 0 && (
        <>
          <table className="samples" data-testid="profiler-results">
            <thead>
              <tr>
                <th>path</th>
                <th>count</th>
                <th>mean</th>
                <th>p50</th>
                <th>p90</th>
                <th>p99</th>
                <th>max</th>
                <th>calls/s</th>
                <th>p50 × direct</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.path} data-testid="profiler-row">
                  <td>{r.path}</td>
                  <td>{r.count}</td>
                  <td>{us(r.meanUs)}</td>
                  <td>{us(r.p50Us)}</td>
                  <td>{us(r.p90Us)}</td>
                  <td>{us(r.p99Us)}</td>
                  <td>{us(r.maxUs)}</td>
                  <td>{r.callsPerSec.toFixed(0)}</td>
                  <td>{(r.p50Us / results[0]!.p50Us).toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <CdfChart results={results} />
        </>
      )}
    </section>
  );
};
