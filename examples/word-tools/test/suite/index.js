// @ts-check
// The module `direct-editor test --extensionTestsPath` loads in the extension host: it runs
// every `*.test.js` next to it with Mocha and rejects when a test fails (VS Code's convention).
const { readdirSync } = require("node:fs");
const { join } = require("node:path");
// Mocha 12 exports the class as `Mocha` (a CommonJS build of an ES module).
const { Mocha } = require("mocha");

exports.run = () => {
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 10_000 });
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith(".test.js"))
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve(undefined)));
  });
};
