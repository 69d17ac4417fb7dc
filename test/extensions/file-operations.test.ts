/**
 * workspace.onWill… / onDid…Files in the real built host, as VS Code's file operation
 * participants: examples/import-updater fixes imports before a rename and barrels before a delete
 * through `waitUntil` edits. The explorer's operations and workspace.applyEdit's file operations
 * raise the events (the edits reaching the window before the disk changes); workspace.fs does not.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { ExtHostFilesContract, FileOperationRefused } from "../../src/protocol/contracts/files.js";
import { WorkbenchTextEditorsContract, type FileTextEditsDto } from "../../src/protocol/contracts/text-editors.js";
import { proxy, serve, type Implementation, type Proxy } from "../../src/protocol/rpc-contract.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";
import { until } from "../support/until.js";
import { textEditorsStub } from "../support/text-editors-stub.js";

type Event = [string, string];

describe("file operation events and participants (onWill…Files waitUntil edits)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "exthost-fileops-data-"));
  const ws = mkdtempSync(join(tmpdir(), "exthost-fileops-ws-"));
  let host: TestHost;
  let client: Awaited<ReturnType<typeof nodeChannelClient>>;
  let ext: Proxy<typeof ExtHostContract>;
  let files: Proxy<typeof ExtHostFilesContract>;
  /** What the window was asked to apply, with whether `watch` existed on disk at that moment. */
  const applied: Array<{ files: ReadonlyArray<FileTextEditsDto>; watchedExisted: boolean }> = [];
  let watch = "";

  const uri = (p: string) => pathToFileURL(join(ws, p)).toString();
  const events = async () => (await ext.executeCommand({ id: "importUpdater.events", args: [] })) as Event[];
  const apply = (...steps: Array<[string, string, string?]>) =>
    ext.executeCommand({ id: "importUpdater.apply", args: [steps] });
  /** The edits the window got, as "file: old text → new text" per edit (file relative to the workspace). */
  const editsOf = (list: ReadonlyArray<FileTextEditsDto>) =>
    list.flatMap((f) => {
      const file = f.uri.slice(pathToFileURL(ws).toString().length + 1);
      const lines = readFileSync(join(ws, file), "utf8").split("\n");
      return f.edits.map((e) => {
        const { start, end } = e.range;
        const old =
          start.line === end.line
            ? lines[start.line]!.slice(start.character, end.character)
            : `${lines[start.line]!.slice(start.character)}\n`;
        return `${file}: ${JSON.stringify(old)} -> ${JSON.stringify(e.text ?? "")}`;
      });
    });

  beforeAll(async () => {
    host = await startTestHost({
      env: {
        EXTHOST_DEV_EXTENSIONS: join(repoRoot, "examples", "import-updater"),
        EXTHOST_USER_DATA_DIR: dataDir,
      },
    });
    client = await nodeChannelClient(() => host.starter.connectionInfo());
    await waitForState(client, isConnected);
    await new WorkbenchRecorder().attach(client);
    const editors: Partial<Implementation<typeof WorkbenchTextEditorsContract>> = {
      applyWorkspaceTextEdits: ({ files: list }) => {
        applied.push({ files: list, watchedExisted: watch !== "" && existsSync(join(ws, watch)) });
        return { applied: true };
      },
    };
    await serve(client, WorkbenchTextEditorsContract, textEditorsStub(editors)).ready;
    ext = proxy(client, ExtHostContract);
    files = proxy(client, ExtHostFilesContract);
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: "ws" }],
      documents: [],
      activeDocument: null,
    });
    await until(
      async () => (await ext.listExtensions()).find((i) => i.id === "direct-examples.import-updater")?.activated,
      "activation",
    );
  }, 30_000);

  afterAll(async () => {
    await client?.dispose();
    await host?.stop();
    rmSync(ws, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    rmSync(join(ws, "src"), { recursive: true, force: true });
    rmSync(join(ws, "lib"), { recursive: true, force: true });
    mkdirSync(join(ws, "src"));
    mkdirSync(join(ws, "lib"));
    writeFileSync(join(ws, "src", "util.ts"), "export const x = 1;\n");
    writeFileSync(join(ws, "src", "main.ts"), 'import { x } from "./util";\nconsole.log(x);\n');
    writeFileSync(join(ws, "src", "index.ts"), 'export * from "./util";\nexport * from "./main";\n');
    writeFileSync(join(ws, "lib", "other.ts"), "import { x } from '../src/util';\n");
    applied.length = 0;
    watch = "";
    await events();
  });

  it("explorer rename: onWillRenameFiles' import edits reach the window before the file moves, then onDidRenameFiles", async () => {
    watch = "src/util.ts";
    await files.rename({ source: uri("src/util.ts"), target: uri("src/helpers.ts") });
    expect(applied).toHaveLength(1);
    expect(applied[0]!.watchedExisted).toBe(true);
    expect(editsOf(applied[0]!.files).sort()).toEqual([
      'lib/other.ts: "../src/util" -> "../src/helpers"',
      'src/index.ts: "./util" -> "./helpers"',
      'src/main.ts: "./util" -> "./helpers"',
    ]);
    expect(existsSync(join(ws, "src", "helpers.ts"))).toBe(true);
    expect(existsSync(join(ws, "src", "util.ts"))).toBe(false);
    expect(await events()).toEqual([
      ["willRename", "src/util.ts -> src/helpers.ts"],
      ["didRename", "src/util.ts -> src/helpers.ts"],
    ]);
  });

  it("explorer delete and create: onWillDeleteFiles' barrel edit applied first; onWillCreateFiles before the file exists", async () => {
    watch = "src/main.ts";
    await files.delete({ uri: uri("src/main.ts"), useTrash: false });
    expect(applied).toHaveLength(1);
    expect(applied[0]!.watchedExisted).toBe(true);
    expect(editsOf(applied[0]!.files)).toEqual(['src/index.ts: "export * from \\"./main\\";\\n" -> ""']);
    expect(existsSync(join(ws, "src", "main.ts"))).toBe(false);
    await files.createFile(uri("src/new.ts"));
    await files.createFolder(uri("src/sub"));
    expect(await events()).toEqual([
      ["willDelete", "src/main.ts"],
      ["didDelete", "src/main.ts"],
      ["willCreate", "src/new.ts"],
      ["didCreate", "src/new.ts"],
      ["willCreate", "src/sub"],
      ["didCreate", "src/sub"],
    ]);
  });

  it("a refused explorer operation raises nothing and changes nothing", async () => {
    const e: unknown = await files.rename({ source: uri("src/util.ts"), target: uri("src/main.ts") }).catch((x) => x);
    expect(e).toBeInstanceOf(FileOperationRefused);
    expect(await files.createFile(uri("src/util.ts")).catch((x: unknown) => x)).toBeInstanceOf(FileOperationRefused);
    expect(applied).toEqual([]);
    expect(await events()).toEqual([]);
    expect(readFileSync(join(ws, "src", "main.ts"), "utf8")).toContain('"./util"');
  });

  it("workspace.applyEdit's create / rename / delete raise each event pair in order (adjacent ones of a kind as one event), with the rename's import edits", async () => {
    watch = "src/util.ts";
    expect(
      await apply(
        ["create", "src/made.ts", "export {};\n"],
        ["create", "src/made2.ts"],
        ["rename", "src/util.ts", "lib/util.ts"],
        ["delete", "src/made.ts"],
        ["delete", "src/made2.ts"],
      ),
    ).toBe(true);
    expect(await events()).toEqual([
      ["willCreate", "src/made.ts, src/made2.ts"],
      ["didCreate", "src/made.ts, src/made2.ts"],
      ["willRename", "src/util.ts -> lib/util.ts"],
      ["didRename", "src/util.ts -> lib/util.ts"],
      ["willDelete", "src/made.ts, src/made2.ts"],
      ["didDelete", "src/made.ts, src/made2.ts"],
    ]);
    expect(applied).toHaveLength(1);
    expect(applied[0]!.watchedExisted).toBe(true);
    expect(editsOf(applied[0]!.files).sort()).toEqual([
      'lib/other.ts: "../src/util" -> "./util"',
      'src/index.ts: "./util" -> "../lib/util"',
      'src/main.ts: "./util" -> "../lib/util"',
    ]);
    expect(existsSync(join(ws, "lib", "util.ts"))).toBe(true);
    expect(existsSync(join(ws, "src", "made.ts"))).toBe(false);
  });

  it("workspace.fs raises none of them (as in VS Code)", async () => {
    expect(
      await apply(
        ["fs.write", "src/fs.ts", "x"],
        ["fs.rename", "src/fs.ts", "src/fs2.ts"],
        ["fs.delete", "src/fs2.ts"],
      ),
    ).toBeNull();
    expect(existsSync(join(ws, "src", "fs2.ts"))).toBe(false);
    expect(await events()).toEqual([]);
    expect(applied).toEqual([]);
  });
});
