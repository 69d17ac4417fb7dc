/**
 * `window.withProgress` and `window.setStatusBarMessage`. ProgressLocation.Notification is a toast
 * with a progress bar (and Cancel when cancellable) through `NotificationSink`; Window,
 * SourceControl and view locations are a status bar item: one left-aligned item per running task
 * or message, removed when the task settles, the timeout passes or the Disposable is disposed.
 */
import type { StatusBarItemDto } from "../../protocol/workbench.js";
import { CancellationTokenSource, Disposable, type CancellationToken } from "./types.js";

export interface StatusSink {
  update(item: StatusBarItemDto): void;
  remove(id: string): void;
}

/** services/progress.ts: a toast in the window; null when no window is connected. */
export interface NotificationSink {
  start(
    request: { title?: string; cancellable: boolean; source: string },
    onCancel: () => void,
  ): { report(value: { message?: string; percent?: number }): void; end(): void } | null;
}

/** ProgressLocation.Notification. */
const NOTIFICATION = 15;

/** Above ordinary left items, like VS Code's window progress. */
const PRIORITY = 10_000;

export const createProgressApi = (extensionId: string, sink: StatusSink, notifications?: NotificationSink) => {
  let next = 0;
  const show = (id: string, text: string): void =>
    sink.update({ id, extensionId, text, alignment: "left", priority: PRIORITY, visible: true });

  const setStatusBarMessage = (text: string, hideAfter?: number | PromiseLike<unknown>): Disposable => {
    if (typeof text !== "string") throw new Error("vscode.window.setStatusBarMessage: text must be a string");
    const id = `${extensionId}.message.${++next}`;
    show(id, text);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hide = new Disposable(() => {
      if (timer) clearTimeout(timer);
      sink.remove(id);
    });
    if (typeof hideAfter === "number") timer = setTimeout(() => hide.dispose(), hideAfter);
    else if (hideAfter && typeof hideAfter.then === "function")
      hideAfter.then(
        () => hide.dispose(),
        () => hide.dispose(),
      );
    return hide;
  };

  const withProgress = async <R>(
    options: { location?: unknown; title?: string; cancellable?: boolean },
    task: (
      progress: { report(value: { message?: string; increment?: number }): void },
      token: CancellationToken,
    ) => PromiseLike<R> | R,
  ): Promise<R> => {
    if (typeof task !== "function") throw new Error("vscode.window.withProgress: task must be a function");
    if (options?.location === NOTIFICATION && notifications) return inNotification(options, task);
    const id = `${extensionId}.progress.${++next}`;
    const title = options?.title ?? "";
    let percent = 0;
    let message = "";
    const render = (): void => {
      const parts = [title, message].filter(Boolean).join(": ");
      show(id, `$(sync~spin) ${parts}${percent > 0 ? ` (${Math.min(100, Math.round(percent))}%)` : ""}`.trimEnd());
    };
    const source = new CancellationTokenSource();
    let done = false;
    render();
    try {
      return await task(
        {
          report: (value) => {
            if (done) return;
            if (typeof value?.message === "string") message = value.message;
            if (typeof value?.increment === "number" && Number.isFinite(value.increment)) percent += value.increment;
            render();
          },
        },
        source.token,
      );
    } finally {
      done = true;
      source.dispose();
      sink.remove(id);
    }
  };

  const inNotification = async <R>(
    options: { title?: string; cancellable?: boolean },
    task: (
      progress: { report(value: { message?: string; increment?: number }): void },
      token: CancellationToken,
    ) => PromiseLike<R> | R,
  ): Promise<R> => {
    const source = new CancellationTokenSource();
    const toast = notifications!.start(
      {
        ...(typeof options.title === "string" ? { title: options.title } : {}),
        cancellable: options.cancellable === true,
        source: extensionId,
      },
      () => source.cancel(),
    );
    let percent: number | undefined;
    let done = false;
    try {
      return await task(
        {
          report: (value) => {
            if (done) return;
            const increment = value?.increment;
            if (typeof increment === "number" && Number.isFinite(increment)) {
              percent = Math.min(100, Math.max(0, (percent ?? 0) + increment));
            }
            const message = typeof value?.message === "string" ? { message: value.message } : {};
            toast?.report({ ...message, ...(percent !== undefined ? { percent } : {}) });
          },
        },
        source.token,
      );
    } finally {
      done = true;
      source.dispose();
      toast?.end();
    }
  };

  return { setStatusBarMessage, withProgress };
};
