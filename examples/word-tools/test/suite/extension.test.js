// @ts-check
const assert = require("node:assert/strict");
const vscode = require("vscode");

describe("word-tools", () => {
  it("counts words through its command (activating the extension on demand)", async () => {
    assert.equal(await vscode.commands.executeCommand("wordTools.countWords", "one two  three\nfour"), 4);
  });

  it("lists its commands", async () => {
    const commands = await vscode.commands.getCommands();
    assert.ok(commands.includes("wordTools.countWordsInFile"));
  });

  it("sees the workspace folder given on the command line", () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(
      folders.map((f) => f.name),
      ["fixture"],
    );
  });

  it("counts the words of a workspace file, read through the workspace API", async () => {
    const folder = (vscode.workspace.workspaceFolders ?? [])[0];
    assert.ok(folder, "no workspace folder");
    const uri = vscode.Uri.joinPath(folder.uri, "sample.txt");
    assert.equal(await vscode.commands.executeCommand("wordTools.countWordsInFile", uri), 9);
  });
});
