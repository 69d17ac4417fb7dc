/**
 * The window's recently closed editors, newest last, for View: Reopen Closed Editor (VS Code keeps
 * a bounded list in its history service; 20 is plenty for "oops, I closed that").
 */
const MAX_CLOSED = 20;

const stacks = new WeakMap<object, string[]>();

const stackOf = (owner: object): string[] => {
  let stack = stacks.get(owner);
  if (!stack) stacks.set(owner, (stack = []));
  return stack;
};

export const rememberClosed = (owner: object, uri: string): void => {
  const stack = stackOf(owner);
  const at = stack.indexOf(uri);
  if (at >= 0) stack.splice(at, 1);
  stack.push(uri);
  if (stack.length > MAX_CLOSED) stack.splice(0, stack.length - MAX_CLOSED);
};

/** The most recently closed uri that `usable` accepts; it and any skipped newer ones leave the list. */
export const takeClosed = async (
  owner: object,
  usable: (uri: string) => Promise<boolean>,
): Promise<string | undefined> => {
  const stack = stackOf(owner);
  for (let uri = stack.pop(); uri !== undefined; uri = stack.pop()) if (await usable(uri)) return uri;
  return undefined;
};
