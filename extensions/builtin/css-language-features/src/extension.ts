/**
 * CSS, SCSS and Less through the unmodified `vscode-languageclient` and
 * `vscode-css-language-server`, set up as VS Code's css-language-features client does it.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { extractedServerClient } from "../../../shared/language-client.js";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = extractedServerClient(
    context,
    { id: "css", name: "CSS Language Server", bin: "vscode-css-language-server" },
    {
      documentSelector: ["css", "scss", "less"],
      // The server asks for the `css`, `scss` and `less` sections itself (workspace/configuration).
      synchronize: { configurationSection: ["css", "scss", "less"] },
      initializationOptions: {
        handledSchemas: ["file"],
        provideFormatter: true,
        customCapabilities: { rangeFormatting: { editLimit: 10_000 } },
      },
    },
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
