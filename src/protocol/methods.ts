/**
 * Methods of the protocol itself (`$`-prefixed). Application methods are declared once, with
 * their shapes, in contracts/ and used through `serve` / `proxy` (rpc-contract.ts).
 */

/** Notification `{"id":null,"method":"$cancel","params":[id]}`: stop working on request `id`. */
export const CANCEL_METHOD = "$cancel";
