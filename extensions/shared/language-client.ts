/**
 * The start-up the built-in language clients share: a server from `vscode-langservers-extracted`
 * run as a Node module over IPC, as VS Code's css/html/json-language-features clients run theirs,
 * its log in an output channel named after the server.
 *
 * Lives outside extensions/builtin/ because the host takes every folder there for an extension.
 * scripts/builtin-extensions.ts bundles it into each extension that imports it, so the
 * `vscode-languageclient` copy (and the `vscode` it requires) stays that extension's own.
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

/** A packaged app keeps node_modules in app.asar: servers run from the unpacked copy. */
export const unpacked = (path: string): string => path.replace(/([\\/])app\.asar([\\/])/, "$1app.asar.unpacked$2");

/** `bin/<server>` of `vscode-langservers-extracted`, found from the extension's folder, run over IPC. */
const extractedServerOptions = (context: vscode.ExtensionContext, server: string): ServerOptions => {
  const require = createRequire(join(context.extensionPath, "package.json"));
  const serverModule = unpacked(
    join(dirname(require.resolve("vscode-langservers-extracted/package.json")), "bin", server),
  );
  return {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc },
  };
};

/**
 * The client for one extracted server, not started yet: the caller keeps it before `start()`
 * so that `deactivate` stops it even when starting failed.
 */
export const extractedServerClient = (
  context: vscode.ExtensionContext,
  server: { readonly id: string; readonly name: string; readonly bin: string },
  clientOptions: Omit<LanguageClientOptions, "outputChannel">,
): LanguageClient =>
  new LanguageClient(server.id, server.name, extractedServerOptions(context, server.bin), {
    ...clientOptions,
    outputChannel: vscode.window.createOutputChannel(server.name, { log: true }),
  });

/**
 * `activate` / `deactivate` for an extension that is one language client. The client is kept
 * before it starts, so `deactivate` stops it even when starting failed.
 */
export const languageClientExtension = (create: (context: vscode.ExtensionContext) => LanguageClient) => {
  let client: LanguageClient | undefined;
  return {
    activate: async (context: vscode.ExtensionContext): Promise<void> => {
      client = create(context);
      await client.start();
    },
    deactivate: async (): Promise<void> => {
      await client?.stop();
      client = undefined;
    },
  };
};
