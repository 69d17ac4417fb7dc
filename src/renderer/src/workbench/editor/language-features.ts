/**
 * Extensions' language features in Monaco: the host's providers as Monaco providers
 * (monaco-providers.ts, registered the first time a model of a language opens), cross-file
 * navigation and edits (workspace-edits.ts), and the Problems store mirrored into model markers.
 */
import type { ExtHostContract } from "../../../../protocol/contracts/ext-host.js";
import {
  ExtHostLanguageFeaturesContract,
  type WorkbenchLanguageFeaturesContract,
} from "../../../../protocol/contracts/language-features.js";
import { proxy, type Caller, type Implementation, type Proxy } from "../../../../protocol/rpc-contract.js";
import type { DiagnosticDto } from "../../../../protocol/workbench.js";
import type { Documents } from "../documents.js";
import type { Store } from "../store.js";
import { toMarker } from "./language-convert.js";
import { monaco } from "./monaco.js";
import { MonacoLanguageProviders } from "./monaco-providers.js";
import { WorkspaceModels } from "./workspace-edits.js";

type Diagnostics = ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<DiagnosticDto>>>;

export class LanguageFeatures {
  readonly lf: Proxy<typeof ExtHostLanguageFeaturesContract>;
  readonly models: WorkspaceModels;
  readonly providers: MonacoLanguageProviders;
  private readonly opener: monaco.IDisposable;

  constructor(
    caller: Caller,
    host: Proxy<typeof ExtHostContract>,
    private readonly documents: Documents,
    editors: ReadonlySet<monaco.editor.ICodeEditor>,
    report: (message: string) => void,
    /** The model version the host must have for a request to be answered. */
    versionOf: (model: monaco.editor.ITextModel) => number = (model) => model.getVersionId(),
  ) {
    this.lf = proxy(caller, ExtHostLanguageFeaturesContract);
    this.models = new WorkspaceModels(host, documents, editors);
    this.providers = new MonacoLanguageProviders(this.lf, this.models, versionOf, report);
    // Go to definition (and peek's "open") into another file opens its tab.
    this.opener = monaco.editor.registerEditorOpener({
      openCodeEditor: (source, resource, selection) => {
        if (source.getModel()?.uri.toString() === resource.toString()) return false;
        return this.models.open(resource.toString(), selection ?? null);
      },
    });
  }

  /** Idempotent: the host's providers for `languageId` are registered once (until they change). */
  ensureProviders(languageId: string, uri?: string): void {
    void this.providers.ensure(languageId, uri);
  }

  private readonly providerListeners = new Set<() => void>();

  /** The host's providers changed (an extension activated, or disposed its providers). */
  onProvidersChanged(listener: () => void): () => void {
    this.providerListeners.add(listener);
    return () => this.providerListeners.delete(listener);
  }

  /** What the host tells this window about providers (WorkbenchLanguageFeaturesContract). */
  workbenchHandlers(): Implementation<typeof WorkbenchLanguageFeaturesContract> {
    return {
      providersChanged: () => {
        this.providers.refresh();
        for (const l of this.providerListeners) l();
      },
      resultsChanged: (kind) => this.providers.resultsChanged(kind),
      setDocumentLanguage: ({ uri, languageId }) => {
        this.documents.setLanguage(uri, languageId);
        return null;
      },
    };
  }

  /** Keeps every model's markers equal to the Problems store (owner by owner). */
  mirrorDiagnostics(diagnostics: Store<Diagnostics>): () => void {
    let previous: Diagnostics = new Map();
    const sync = () => {
      const current = diagnostics.get();
      for (const owner of new Set([...previous.keys(), ...current.keys()])) {
        const before = previous.get(owner);
        const after = current.get(owner);
        if (before === after) continue;
        for (const uri of new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])) {
          const model = monaco.editor.getModel(monaco.Uri.parse(uri));
          if (model) monaco.editor.setModelMarkers(model, owner, (after?.get(uri) ?? []).map(toMarker));
        }
      }
      previous = current;
    };
    sync();
    const off = diagnostics.subscribe(sync);
    // A model opened later gets the markers already known for it.
    const onModel = monaco.editor.onDidCreateModel((model) => {
      for (const [owner, byUri] of diagnostics.get()) {
        const list = byUri.get(model.uri.toString());
        if (list) monaco.editor.setModelMarkers(model, owner, list.map(toMarker));
      }
    });
    return () => {
      off();
      onModel.dispose();
    };
  }

  dispose(): void {
    this.providers.dispose();
    this.opener.dispose();
  }
}
