export * from "./envelope.js";
export * from "./errors.js";
export * from "./handshake.js";
export * from "./methods.js";
export * from "./peer.js";
