/** What the host tells windows about extension file systems and content providers (non-`file` schemes). */
import { Schema } from "effect";
import { notification } from "../rpc-contract.js";
import { UriString } from "../workbench.js";

export const WorkbenchFileSystemProvidersContract = {
  /** A provider's content changed (`onDidChange` / `onDidChangeFile`): clean editors of these URIs reload. */
  resourcesChanged: notification("workbench.fsProviders.changed", { payload: Schema.Array(UriString) }),
} as const;
