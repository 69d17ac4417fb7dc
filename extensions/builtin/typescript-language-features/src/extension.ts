/**
 * TypeScript and JavaScript through the unmodified `vscode-languageclient`, talking to
 * `typescript-language-server` (which drives `tsserver`). Like VS Code's own extension it uses
 * the bundled TypeScript unless `typescript.tsdk` names another install.
 */
import { createRequire } from "node:module";
import { dirname, isAbsolute, join } from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { unpacked } from "../../../shared/language-client.js";

let client: LanguageClient | undefined;

const LANGUAGES = ["typescript", "typescriptreact", "javascript", "javascriptreact"];

/** typescript-language-server's preference names for VS Code's `typescript.inlayHints.*` settings. */
const inlayHintPreferences = (config: vscode.WorkspaceConfiguration) => {
  const parameterNames = config.get<string>("inlayHints.parameterNames.enabled", "none");
  return {
    includeInlayParameterNameHints: parameterNames,
    includeInlayParameterNameHintsWhenArgumentMatchesName: false,
    includeInlayFunctionParameterTypeHints: config.get<boolean>("inlayHints.parameterTypes.enabled", false),
    includeInlayVariableTypeHints: config.get<boolean>("inlayHints.variableTypes.enabled", false),
    includeInlayVariableTypeHintsWhenTypeMatchesName: false,
    includeInlayPropertyDeclarationTypeHints: config.get<boolean>("inlayHints.propertyDeclarationTypes.enabled", false),
    includeInlayFunctionLikeReturnTypeHints: config.get<boolean>("inlayHints.functionLikeReturnTypes.enabled", false),
    includeInlayEnumMemberValueHints: config.get<boolean>("inlayHints.enumMemberValues.enabled", false),
  };
};

/** What the server reads from `workspace/didChangeConfiguration`. */
const serverSettings = () => {
  const inlayHints = inlayHintPreferences(vscode.workspace.getConfiguration("typescript"));
  return { typescript: { inlayHints }, javascript: { inlayHints } };
};

/** `typescript.tsdk` (absolute, or relative to the first workspace folder) → its tsserver.js. */
const userTsserver = (): string | undefined => {
  const tsdk = vscode.workspace.getConfiguration("typescript").get<string | null>("tsdk", null);
  if (!tsdk) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const base = isAbsolute(tsdk) || !folder ? tsdk : join(folder.uri.fsPath, tsdk);
  return base.endsWith(".js") ? base : join(base, "tsserver.js");
};

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const require = createRequire(join(context.extensionPath, "package.json"));
  const serverModule = unpacked(
    join(dirname(require.resolve("typescript-language-server/package.json")), "lib/cli.mjs"),
  );
  const bundledTsserver = unpacked(join(dirname(require.resolve("typescript/package.json")), "lib/tsserver.js"));
  const maxTsServerMemory = vscode.workspace.getConfiguration("typescript").get<number>("tsserver.maxTsServerMemory");

  // A command, not a module: for modules the client adds `--clientProcessId`, which this server refuses.
  const server = {
    command: process.execPath,
    args: [serverModule],
    transport: TransportKind.stdio,
    // The host may be Electron: run its binary as Node.
    options: { env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" } },
  };
  const serverOptions: ServerOptions = { run: server, debug: server };
  const outputChannel = vscode.window.createOutputChannel("TypeScript", { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    outputChannel,
    initializationOptions: {
      hostInfo: vscode.env.appName,
      tsserver: { path: userTsserver() ?? bundledTsserver, fallbackPath: bundledTsserver },
      ...(maxTsServerMemory ? { maxTsServerMemory } : {}),
      preferences: inlayHintPreferences(vscode.workspace.getConfiguration("typescript")),
    },
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{tsconfig.json,jsconfig.json,package.json}"),
    },
  };
  client = new LanguageClient("typescript", "TypeScript Language Server", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("typescript")) void sendSettings();
    }),
  );
  await client.start();
  await sendSettings();
}

const sendSettings = async (): Promise<void> => {
  await client?.sendNotification("workspace/didChangeConfiguration", { settings: serverSettings() });
};

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
