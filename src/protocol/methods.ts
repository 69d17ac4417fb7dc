/**
 * Names shared by both ends. `$`-prefixed methods belong to the protocol itself; everything
 * else is application traffic.
 */

/** Notification `{"id":null,"method":"$cancel","params":[id]}`: stop working on request `id`. */
export const CANCEL_METHOD = "$cancel";

/** Methods the extension host serves. */
export const HostMethods = {
  ping: "$ping",
  echo: "demo.echo",
  /** Asks the host to call back the renderer (`renderer.hello`) — proves both directions. */
  callBack: "demo.callRenderer",
  hostInfo: "host.info",
} as const;

/** Methods the renderer serves. */
export const RendererMethods = {
  hello: "renderer.hello",
  /** Notification from host: a line for the renderer's log. */
  log: "renderer.log",
} as const;
