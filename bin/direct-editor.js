#!/usr/bin/env node
// The `direct-editor` command: runs the built CLI (`npm run build` first).
import { existsSync } from "node:fs";

const cli = new URL("../out/main/direct-editor.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("direct-editor: out/main/direct-editor.js is missing; run `npm run build` first\n");
  process.exit(2);
}
await import(cli.href);
