/** What the UI shows about the channel. */
export type ChannelState =
  | { readonly _tag: "Connecting"; readonly attempt: number }
  | {
      readonly _tag: "Connected";
      readonly generation: number;
      readonly port: number;
      readonly since: number;
      /** False while keep-alive pings go unanswered (an extension is hogging the host). */
      readonly responsive: boolean;
    }
  | {
      readonly _tag: "Reconnecting";
      readonly attempt: number;
      readonly downSince: number;
      readonly lastError: string;
    }
  | { readonly _tag: "Dead"; readonly downSince: number; readonly reason: string };
