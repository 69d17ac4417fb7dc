/** The host's files service: versions (etags) that stop a save over a changed file, and binary sniffing. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FilesService, looksBinary } from "../../src/extension-host/services/files.js";

describe("FilesService", () => {
  let dir: string;
  const files = new FilesService();
  const uri = (name: string) => pathToFileURL(join(dir, name)).toString();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "files-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a write based on a version the disk no longer holds (FileModifiedOnDisk), writes with the current one", async () => {
    writeFileSync(join(dir, "a.txt"), "one\n");
    const read = await files.readFile(uri("a.txt"));
    expect(read.text).toBe("one\n");
    // Same size, same second: only the content tells them apart.
    writeFileSync(join(dir, "a.txt"), "two\n");
    await expect(files.writeFile(uri("a.txt"), "mine\n", read.etag)).rejects.toMatchObject({
      _tag: "FileModifiedOnDisk",
      uri: uri("a.txt"),
    });
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("two\n");

    const current = await files.readFile(uri("a.txt"));
    const written = await files.writeFile(uri("a.txt"), "mine\n", current.etag);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("mine\n");
    expect((await files.readFile(uri("a.txt"))).etag).toBe(written);
    // null overwrites whatever is there; a deleted file is re-created.
    await expect(files.writeFile(uri("a.txt"), "x", "stale")).rejects.toMatchObject({ _tag: "FileModifiedOnDisk" });
    await files.writeFile(uri("a.txt"), "forced\n", null);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("forced\n");
    rmSync(join(dir, "a.txt"));
    await files.writeFile(uri("a.txt"), "again\n", written);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("again\n");
  });

  it("fails readFile with BinaryFile for NUL bytes or invalid UTF-8 in the first 8 KiB", async () => {
    writeFileSync(join(dir, "nul.bin"), Buffer.from([0x41, 0x00, 0x42]));
    writeFileSync(join(dir, "latin1.txt"), Buffer.from("caf\xe9\n", "latin1"));
    for (const name of ["nul.bin", "latin1.txt"]) {
      await expect(files.readFile(uri(name))).rejects.toMatchObject({ _tag: "BinaryFile", uri: uri(name) });
    }
    // Invalid bytes after the first 8 KiB are not sniffed; a character cut at the 8 KiB edge is text.
    const euro = Buffer.from("€", "utf8");
    const edge = Buffer.concat([Buffer.alloc(8 * 1024 - 1, "a"), euro]);
    expect(looksBinary(edge)).toBe(false);
    expect(looksBinary(Buffer.from("héllo wörld"))).toBe(false);
    expect(looksBinary(Buffer.concat([Buffer.alloc(8 * 1024, "a"), Buffer.from([0])]))).toBe(false);
  });

  it("reads images for a preview as base64 with their MIME type; refuses other files", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
    writeFileSync(join(dir, "x.PNG"), png);
    writeFileSync(join(dir, "x.bin"), png);
    expect(await files.readImage(uri("x.PNG"))).toEqual({ mime: "image/png", base64: png.toString("base64") });
    await expect(files.readImage(uri("x.bin"))).rejects.toMatchObject({
      _tag: "FileSystemFailure",
      code: "NotAnImage",
    });
    await expect(files.readImage(uri("gone.png"))).rejects.toMatchObject({ _tag: "FileSystemFailure", code: "ENOENT" });
  });
});
