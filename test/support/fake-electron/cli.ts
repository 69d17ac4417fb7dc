/**
 * `electron <app-dir> [args…]`: loads the app's package.json `main`, with process.argv as
 * Electron gives it to main ([electron, <app-dir>, args…]).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Schema } from "effect";
import { APP_PATH_ENV } from "./runtime.js";

const AppPackage = Schema.fromJsonString(Schema.Struct({ main: Schema.optionalKey(Schema.String) }));

const [appDir = "."] = process.argv.slice(2);
const appPath = resolve(appDir);
const pkg = Schema.decodeUnknownSync(AppPackage)(readFileSync(join(appPath, "package.json"), "utf8"));
process.env[APP_PATH_ENV] = appPath;
process.argv = [process.execPath, ...process.argv.slice(2)];
await import(pathToFileURL(resolve(appPath, pkg.main ?? "index.js")).href);
