/**
 * CSS, SCSS and Less through the unmodified `vscode-languageclient` and
 * `vscode-css-language-server`, set up as VS Code's css-language-features client does it.
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
    join(dirname(require.resolve("vscode-langservers-extracted/package.json")), "bin/vscode-css-language-server"),
  );
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ["css", "scss", "less"],
    // The server asks for the `css`, `scss` and `less` sections itself (workspace/configuration).
    synchronize: { configurationSection: ["css", "scss", "less"] },
    initializationOptions: {
      handledSchemas: ["file"],
      provideFormatter: true,
      customCapabilities: { rangeFormatting: { editLimit: 10_000 } },
    },
    outputChannel: vscode.window.createOutputChannel("CSS Language Server", { log: true }),
  };
  client = new LanguageClient("css", "CSS Language Server", serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
