/**
 * HTML (with embedded CSS and JavaScript) through the unmodified `vscode-languageclient` and
 * `vscode-html-language-server`, set up as VS Code's html-language-features client does it.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/** A packaged app keeps node_modules in app.asar: servers run from the unpacked copy. */
const unpacked = (path: string): string => path.replace(/([\\/])app\.asar([\\/])/, "$1app.asar.unpacked$2");

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const require = createRequire(join(context.extensionPath, "package.json"));
  const serverModule = unpacked(
    join(dirname(require.resolve("vscode-langservers-extracted/package.json")), "bin/vscode-html-language-server"),
  );
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "html" }],
    synchronize: { configurationSection: ["html", "css", "javascript", "js/ts"] },
    initializationOptions: {
      embeddedLanguages: { css: true, javascript: true },
      handledSchemas: ["file"],
      provideFormatter: true,
      customCapabilities: { rangeFormatting: { editLimit: 10_000 } },
    },
    outputChannel: vscode.window.createOutputChannel("HTML Language Server", { log: true }),
  };
  client = new LanguageClient("html", "HTML Language Server", serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
