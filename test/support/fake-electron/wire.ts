/**
 * What the fake's processes say to each other: main ↔ utility process (fork IPC), and the
 * test ↔ the fake main (control channel). Decoded with Schema where they arrive.
 */
import { Schema } from "effect";

/** Main ↔ utility process, over the fork IPC channel, tagged so nothing else is mistaken for it. */
export const UtilityWire = Schema.Union([
  Schema.Struct({ fake: Schema.Literal("message"), data: Schema.Unknown, ports: Schema.Array(Schema.Number) }),
  Schema.Struct({ fake: Schema.Literal("port-message"), port: Schema.Number, data: Schema.Unknown }),
  Schema.Struct({ fake: Schema.Literal("port-close"), port: Schema.Number }),
]);
export type UtilityWire = typeof UtilityWire.Type;
export const decodeUtilityWire = Schema.decodeUnknownOption(UtilityWire);

/** Test → fake main. */
export const ControlRequest = Schema.Struct({
  id: Schema.Number,
  command: Schema.Union([
    Schema.Struct({ type: Schema.Literal("evaluate"), expression: Schema.String }),
    Schema.Struct({ type: Schema.Literal("metrics") }),
    Schema.Struct({ type: Schema.Literal("quit") }),
    Schema.Struct({ type: Schema.Literal("windows") }),
    Schema.Struct({ type: Schema.Literal("close-windows") }),
    /** Trusted input, as a user's: a click on `selector`, then the keys of `text`. */
    Schema.Struct({ type: Schema.Literal("type"), selector: Schema.String, text: Schema.String }),
    Schema.Struct({
      type: Schema.Literal("script-dialog"),
      result: Schema.Struct({ canceled: Schema.Boolean, filePaths: Schema.Array(Schema.String) }),
    }),
    Schema.Struct({
      type: Schema.Literal("script-save-dialog"),
      result: Schema.Struct({ canceled: Schema.Boolean, filePath: Schema.String }),
    }),
  ]),
});
export type ControlRequest = typeof ControlRequest.Type;
export const decodeControlRequest = Schema.decodeUnknownOption(ControlRequest);

/** Fake main → test: replies, and what happened (app events, windows). */
export const ControlMessage = Schema.Union([
  Schema.Struct({ type: Schema.Literal("reply"), id: Schema.Number, ok: Schema.Boolean, value: Schema.Unknown }),
  Schema.Struct({ type: Schema.Literal("app-event"), name: Schema.String, args: Schema.Array(Schema.Unknown) }),
  Schema.Struct({ type: Schema.Literal("window-created"), id: Schema.Number }),
]);
export type ControlMessage = typeof ControlMessage.Type;
export const decodeControlMessage = Schema.decodeUnknownOption(ControlMessage);
