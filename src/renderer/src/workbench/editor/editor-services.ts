/**
 * The editor side of the workbench, kept apart from the host-facing WorkbenchServices: the
 * live Monaco editors (one per group), language providers that call the extension host, and
 * the diagnostics mirrored into markers.
 */
import type { DiagnosticDto } from "../../../../protocol/workbench.js";
import type { ChannelClient } from "../../channel/channel-client.js";
import type { Documents } from "../documents.js";
import type { Store } from "../store.js";
import { LanguageFeatures } from "./language-features.js";
import type { monaco } from "./monaco.js";

export class EditorServices {
  readonly editors = new Set<monaco.editor.IStandaloneCodeEditor>();
  readonly languageFeatures: LanguageFeatures;

  constructor(
    client: ChannelClient,
    documents: Documents,
    diagnostics: Store<ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<DiagnosticDto>>>>,
  ) {
    this.languageFeatures = new LanguageFeatures(client);
    documents.onDidCreateModel((model) => this.languageFeatures.ensureProviders(model.getLanguageId()));
    this.languageFeatures.mirrorDiagnostics(diagnostics);
  }
}
