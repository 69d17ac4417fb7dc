/**
 * The `waitUntil` half of VS Code's will-events (its AsyncEmitter and
 * ExtHostDocumentSaveParticipant): a listener may hand over thenables only while the event is
 * being delivered, so the caller knows every edit to wait for once the listener returns.
 */
type Listener = (e: unknown) => unknown;

/**
 * Calls `listener` with `data` plus `waitUntil` (the event frozen, as VS Code's) and returns the
 * thenables it was given. A later `waitUntil` throws `lateCallMessage` (the two VS Code
 * emitters word it differently and extensions may match on it).
 */
export const deliverWithWaitUntil = (
  listener: Listener,
  thisArgs: unknown,
  data: Readonly<Record<string, unknown>>,
  lateCallMessage: string,
): Array<PromiseLike<unknown>> => {
  const thenables: Array<PromiseLike<unknown>> = [];
  const event = Object.freeze({
    ...data,
    waitUntil: (thenable: PromiseLike<unknown>) => {
      if (Object.isFrozen(thenables)) throw new Error(lateCallMessage);
      thenables.push(Promise.resolve(thenable));
    },
  });
  try {
    listener.call(thisArgs, event);
  } finally {
    Object.freeze(thenables);
  }
  return thenables;
};
