/**
 * `vscode.l10n` without translation bundles (the host runs in English): `t` fills `{0}` / `{name}`
 * placeholders the way @vscode/l10n does, leaving unknown placeholders as written.
 */
type Args = ReadonlyArray<string | number | boolean> | Readonly<Record<string, unknown>>;

export const formatMessage = (message: string, args: Args): string =>
  message.replace(/\{([^{}]+)\}/g, (match, key: string) => {
    const value: unknown = Array.isArray(args) ? args[Number(key)] : (args as Record<string, unknown>)[key];
    return value === undefined || (Array.isArray(args) && !/^\d+$/.test(key)) ? match : String(value);
  });

export function t(message: string, ...args: Array<string | number | boolean>): string;
export function t(message: string, args: Record<string, unknown>): string;
export function t(options: { message: string; args?: Args; comment?: string | string[] }): string;
export function t(
  first: string | { message: string; args?: Args },
  ...rest: Array<string | number | boolean | Record<string, unknown>>
): string {
  if (typeof first === "object" && first !== null) {
    if (typeof first.message !== "string") throw new Error("vscode.l10n.t: options.message must be a string");
    return formatMessage(first.message, first.args ?? []);
  }
  if (typeof first !== "string") throw new Error("vscode.l10n.t: message must be a string");
  const [only] = rest;
  const args =
    rest.length === 1 && typeof only === "object" && only !== null ? only : (rest as Array<string | number | boolean>);
  return formatMessage(first, args);
}

export const l10n = {
  t,
  /** No translation bundle is loaded: messages stay as the extension wrote them. */
  get bundle(): undefined {
    return undefined;
  },
  get uri(): undefined {
    return undefined;
  },
};
