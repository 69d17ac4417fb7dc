/**
 * `window.withProgress` at ProgressLocation.Notification (a toast with a progress bar and, when
 * cancellable, a Cancel button) — window / view locations stay in the status bar.
 */
import { Schema } from "effect";
import { notification } from "../rpc-contract.js";

export const ProgressStartDto = Schema.Struct({
  id: Schema.Int,
  title: Schema.optionalKey(Schema.String),
  cancellable: Schema.Boolean,
  /** The extension's display name, shown as the toast's source. */
  source: Schema.String,
});
export type ProgressStartDto = typeof ProgressStartDto.Type;

export const WorkbenchProgressContract = {
  progressStart: notification("workbench.progress.start", { payload: ProgressStartDto }),
  /** `percent` is the running total of increments (absent: indeterminate so far). */
  progressReport: notification("workbench.progress.report", {
    payload: Schema.Struct({
      id: Schema.Int,
      message: Schema.optionalKey(Schema.String),
      percent: Schema.optionalKey(Schema.Number),
    }),
  }),
  progressEnd: notification("workbench.progress.end", { payload: Schema.Int }),
} as const;

export const ExtHostProgressContract = {
  /** The toast's Cancel button: fires the task's CancellationToken. */
  progressCancel: notification("extHost.progress.cancel", { payload: Schema.Int }),
} as const;
