/**
 * CSS, SCSS and Less through the unmodified `vscode-languageclient` and
 * `vscode-css-language-server`, set up as VS Code's css-language-features client does it.
 */
import { extractedServerClient, languageClientExtension } from "../../../shared/language-client.js";

export const { activate, deactivate } = languageClientExtension((context) =>
  extractedServerClient(
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
  ),
);
