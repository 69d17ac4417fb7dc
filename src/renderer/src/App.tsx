import type { EditorHostBridge } from "../../protocol/ipc.js";
import type { ChannelClient } from "./channel/channel-client.js";
import { Workbench } from "./workbench/Workbench.js";
import { offerHostRestart } from "./workbench/commands.js";
import { WorkbenchServices } from "./workbench/workbench-services.js";

export const createWorkbench = async (client: ChannelClient, bridge: EditorHostBridge | undefined) => {
  const services = new WorkbenchServices(client, bridge);
  await services.start();
  bridge?.onHostCrashed?.((reason) => offerHostRestart(services, reason));
  return services;
};

export const App = ({ services }: { services: WorkbenchServices }) => <Workbench services={services} />;
