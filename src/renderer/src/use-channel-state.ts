import { useSyncExternalStore } from "react";
import type { ChannelClient } from "./channel/channel-client.js";
import type { ChannelState } from "./channel/channel-state.js";

export const useChannelState = (client: ChannelClient): ChannelState =>
  useSyncExternalStore(client.subscribe, client.state);
