/**
 * `window.createOutputChannel(name)` and `createOutputChannel(name, { log: true })` (VS Code's
 * extHostOutput.ts): a log channel writes `2024-05-01 12:00:00.000 [info] message` lines and drops
 * those below its level (Info unless the host runs with another `env.logLevel`).
 */
import { EventEmitter, type Event } from "./types.js";
import { LogLevel } from "./enums.generated.js";

export interface OutputSink {
  append(channel: string, text: string): void;
  clear(channel: string): void;
  show(channel: string): void;
}

export interface OutputChannel {
  readonly name: string;
  append(value: string): void;
  appendLine(value: string): void;
  replace(value: string): void;
  clear(): void;
  show(columnOrPreserveFocus?: unknown, preserveFocus?: boolean): void;
  hide(): void;
  dispose(): void;
}

export interface LogOutputChannel extends OutputChannel {
  readonly logLevel: LogLevel;
  readonly onDidChangeLogLevel: Event<LogLevel>;
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(error: string | Error, ...args: unknown[]): void;
}

const LEVEL_NAMES: Record<LogLevel, string> = {
  [LogLevel.Off]: "off",
  [LogLevel.Trace]: "trace",
  [LogLevel.Debug]: "debug",
  [LogLevel.Info]: "info",
  [LogLevel.Warning]: "warning",
  [LogLevel.Error]: "error",
};

export const createOutputChannel = (
  sink: OutputSink,
  name: unknown,
  languageIdOrOptions?: unknown,
  logLevel: LogLevel = LogLevel.Info,
): OutputChannel | LogOutputChannel => {
  if (typeof name !== "string" || name.trim() === "")
    throw new Error("vscode.window.createOutputChannel: the name must be a non-empty string");
  let disposed = false;
  const write = (text: string) => {
    if (!disposed) sink.append(name, text);
  };
  const channel: OutputChannel = {
    name,
    append: (value) => write(String(value)),
    appendLine: (value) => write(`${String(value)}\n`),
    replace: (value) => {
      if (disposed) return;
      sink.clear(name);
      write(String(value));
    },
    clear: () => {
      if (!disposed) sink.clear(name);
    },
    show: () => {
      if (!disposed) sink.show(name);
    },
    // The workbench decides what its panel shows; hiding one channel is a no-op there too.
    hide: () => undefined,
    dispose: () => {
      if (disposed) return;
      sink.clear(name);
      disposed = true;
    },
  };
  const isLog =
    typeof languageIdOrOptions === "object" &&
    languageIdOrOptions !== null &&
    (languageIdOrOptions as { log?: unknown }).log === true;
  if (!isLog) return channel;

  const onDidChangeLogLevel = new EventEmitter<LogLevel>();
  const log = (level: LogLevel, message: string, args: unknown[]) => {
    if (logLevel === LogLevel.Off || level < logLevel) return;
    const text = [message, ...args.map(formatArg)].join(" ");
    write(`${timestamp(new Date())} [${LEVEL_NAMES[level]}] ${text}\n`);
  };
  return {
    ...channel,
    get logLevel() {
      return logLevel;
    },
    onDidChangeLogLevel: onDidChangeLogLevel.event,
    trace: (message, ...args) => log(LogLevel.Trace, message, args),
    debug: (message, ...args) => log(LogLevel.Debug, message, args),
    info: (message, ...args) => log(LogLevel.Info, message, args),
    warn: (message, ...args) => log(LogLevel.Warning, message, args),
    error: (error, ...args) =>
      log(LogLevel.Error, error instanceof Error ? (error.stack ?? error.message) : String(error), args),
    dispose: () => {
      onDidChangeLogLevel.dispose();
      channel.dispose();
    },
  };
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** VS Code's log line time stamp, in local time. */
const timestamp = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
  `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;

const formatArg = (a: unknown): string => {
  if (a instanceof Error) return a.stack ?? a.message;
  if (typeof a === "string") return a;
  try {
    return JSON.stringify(a) ?? String(a);
  } catch {
    return String(a);
  }
};
