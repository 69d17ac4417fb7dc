/** Every class and enum the host implements, as the `vscode` module exposes them. */
export * from "./enums.generated.js";
export * from "./types.js";
export * from "./language-types.js";
export * from "./feature-types.js";
