import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ClientContract } from "../../protocol/contracts/channel.js";
import { serve } from "../../protocol/rpc-contract.js";
import { App, createWorkbench } from "./App.js";
import { getBridge } from "./bridge.js";
import { browserSocketFactory } from "./channel/socket.js";
import { createChannelClient } from "./channel/channel-client.js";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);
const bridge = getBridge();

if (!bridge) {
  root.render(<p className="fatal">No host bridge: open this window from the Direct Editor app.</p>);
} else {
  const client = await createChannelClient({
    getConnectionInfo: () => bridge.getConnectionInfo(),
    openSocket: browserSocketFactory().open,
  });
  // Main restarted the extension host: don't wait out the backoff or a Dead state.
  bridge.onHostRestarted(() => void client.reconnect());
  await serve(client, ClientContract, {
    hello: (greeting) => `renderer got '${greeting}'`,
    log: (line) => console.log(`[extension host] ${line}`),
  }).ready;
  // Handy for people profiling from DevTools.
  (window as unknown as { directChannel: typeof client }).directChannel = client;
  const services = await createWorkbench(client, bridge);
  root.render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}
