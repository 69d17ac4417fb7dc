/**
 * HTML (with embedded CSS and JavaScript) through the unmodified `vscode-languageclient` and
 * `vscode-html-language-server`, set up as VS Code's html-language-features client does it.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { extractedServerClient } from "../../../shared/language-client.js";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = extractedServerClient(
    context,
    { id: "html", name: "HTML Language Server", bin: "vscode-html-language-server" },
    {
      documentSelector: [{ language: "html" }],
      synchronize: { configurationSection: ["html", "css", "javascript", "js/ts"] },
      initializationOptions: {
        embeddedLanguages: { css: true, javascript: true },
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
