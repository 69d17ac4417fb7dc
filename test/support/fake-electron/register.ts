/**
 * `node --import tsx --import ./register.ts …`: `import … from "electron"` resolves to this
 * fake, wherever it is imported from.
 */
import { register } from "node:module";

const fake = new URL("./index.ts", import.meta.url).href;
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "electron") return next(${JSON.stringify(fake)}, context);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
