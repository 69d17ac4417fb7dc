/**
 * JSON through the unmodified `vscode-languageclient` and `vscode-json-language-server`, as VS
 * Code's json-language-features does it: the client tells the server which schema applies to
 * which files (`json/schemaAssociations`, from every extension's `contributes.jsonValidation`),
 * the server reads `file:` schemas itself and asks the client for any other (`vscode/content`).
 */
import * as vscode from "vscode";
import { NotificationType, RequestType, type LanguageClient } from "vscode-languageclient/node";
import { extractedServerClient } from "../../../shared/language-client.js";

interface SchemaAssociation {
  readonly fileMatch: string[];
  readonly uri: string;
}

const SchemaAssociationNotification = new NotificationType<SchemaAssociation[]>("json/schemaAssociations");
const SchemaContentChangeNotification = new NotificationType<string | string[]>("json/schemaContent");
const VSCodeContentRequest = new RequestType<string, string, void>("vscode/content");

let client: LanguageClient | undefined;

/** Every extension's `contributes.jsonValidation`, with VS Code's path rules (jsonClient.ts). */
const schemaAssociations = (): SchemaAssociation[] => {
  const associations: SchemaAssociation[] = [];
  for (const extension of vscode.extensions.all) {
    const contributes = (extension.packageJSON as { contributes?: { jsonValidation?: unknown } } | undefined)
      ?.contributes;
    const validations = Array.isArray(contributes?.jsonValidation) ? (contributes.jsonValidation as unknown[]) : [];
    for (const v of validations) {
      if (typeof v !== "object" || v === null) continue;
      const { fileMatch, url } = v as { fileMatch?: unknown; url?: unknown };
      const matches = typeof fileMatch === "string" ? [fileMatch] : Array.isArray(fileMatch) ? fileMatch : [];
      if (typeof url !== "string" || matches.length === 0) continue;
      const uri = url.startsWith("./") ? vscode.Uri.joinPath(extension.extensionUri, url).toString() : url;
      associations.push({
        uri,
        fileMatch: matches
          .filter((m): m is string => typeof m === "string")
          .map((m) =>
            // The settings folders, as VS Code's jsonClient names them (the user dir ends in /User).
            m.startsWith("%")
              ? m
                  .replace(/%APP_SETTINGS_HOME%/, "/User")
                  .replace(/%MACHINE_SETTINGS_HOME%/, "/Machine")
                  .replace(/%APP_WORKSPACES_HOME%/, "/Workspaces")
              : /^(\w+:\/\/|\/|!)/.test(m)
                ? m
                : `/${m}`,
          ),
      });
    }
  }
  return associations;
};

/** What the server reads from `workspace/didChangeConfiguration` (jsonClient's `getSettings`). */
const serverSettings = () => {
  const json = vscode.workspace.getConfiguration("json");
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const schemas = (json.get<unknown[]>("schemas") ?? []).flatMap((s) => {
    if (typeof s !== "object" || s === null) return [];
    const { url, fileMatch, schema } = s as { url?: unknown; fileMatch?: unknown; schema?: unknown };
    const matches = (Array.isArray(fileMatch) ? fileMatch : typeof fileMatch === "string" ? [fileMatch] : []).filter(
      (m): m is string => typeof m === "string",
    );
    let uri = typeof url === "string" ? url : undefined;
    // Relative urls name files of the workspace.
    if (uri && folder && !/^\w[\w+.-]*:/.test(uri)) uri = vscode.Uri.joinPath(folder, uri).toString();
    return [{ fileMatch: matches, ...(uri ? { url: uri } : {}), ...(schema ? { schema } : {}) }];
  });
  return {
    http: { proxy: "", proxyStrictSSL: true },
    json: {
      validate: { enable: json.get<boolean>("validate.enable", true) },
      format: { enable: json.get<boolean>("format.enable", true) },
      keepLines: { enable: json.get<boolean>("format.keepLines", false) },
      schemas,
      resultLimit: 5000,
    },
  };
};

/** `vscode/content`: schemas the server cannot read itself (any scheme but file:). */
const schemaContent = async (uriString: string): Promise<string> => {
  const uri = vscode.Uri.parse(uriString);
  if (uri.scheme === "untitled") throw new Error(`Unable to load schema from an untitled document: ${uriString}`);
  if (uri.scheme === "http" || uri.scheme === "https") {
    const response = await fetch(uriString, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`Unable to load schema from ${uriString}: ${response.status}`);
    return response.text();
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  // vscode://schemas/… and other virtual documents come from their content provider.
  if (uri.scheme !== "file") return (await vscode.workspace.openTextDocument(uri)).getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
};

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = extractedServerClient(
    context,
    { id: "json", name: "JSON Language Server", bin: "vscode-json-language-server" },
    {
      documentSelector: [{ language: "json" }, { language: "jsonc" }],
      initializationOptions: {
        handledSchemaProtocols: ["file"],
        provideFormatter: false,
        customCapabilities: { rangeFormatting: { editLimit: 10_000 } },
      },
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.json") },
    },
  );
  const c = client;
  c.onRequest(VSCodeContentRequest, schemaContent);
  await c.start();
  await c.sendNotification("workspace/didChangeConfiguration", { settings: serverSettings() });
  await c.sendNotification(SchemaAssociationNotification, schemaAssociations());
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("json") || e.affectsConfiguration("http"))
        void c.sendNotification("workspace/didChangeConfiguration", { settings: serverSettings() });
    }),
    vscode.extensions.onDidChange(() => {
      void c.sendNotification(SchemaAssociationNotification, schemaAssociations());
      // Generated schemas (vscode://schemas/settings/…, keybindings) follow the extensions: re-read them.
      const generated = schemaAssociations()
        .map((a) => a.uri)
        .filter((u) => u.startsWith("vscode:"));
      if (generated.length > 0) void c.sendNotification(SchemaContentChangeNotification, generated);
    }),
    // A schema open in an editor changed: the server re-reads it.
    vscode.workspace.onDidChangeTextDocument((e) => {
      const uri = e.document.uri.toString();
      if (schemaAssociations().some((a) => a.uri === uri))
        void c.sendNotification(SchemaContentChangeNotification, uri);
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
