/**
 * HTML (with embedded CSS and JavaScript) through the unmodified `vscode-languageclient` and
 * `vscode-html-language-server`, set up as VS Code's html-language-features client does it.
 */
import { extractedServerClient, languageClientExtension } from "../../../shared/language-client.js";

export const { activate, deactivate } = languageClientExtension((context) =>
  extractedServerClient(
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
  ),
);
