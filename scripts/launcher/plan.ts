/**
 * What `npm start` / `npm run dev` must do before Electron can run, as pure functions:
 * where the arguments go, whether the binary is there, and what to tell a person when not.
 */
import { isAbsolute, resolve } from "node:path";

/** Flags whose value is a path, resolved against the directory the user typed the command in. */
const PATH_FLAGS = ["--extensionDevelopmentPath", "--extensionTestsPath", "--user-data-dir"];

/**
 * `npm start -- ../proj --extensionDevelopmentPath=ext` runs with the package root as cwd; npm
 * keeps the user's directory in INIT_CWD. Paths become absolute against it, flags stay as they are.
 */
export const resolveUserArgs = (args: ReadonlyArray<string>, userCwd: string): string[] => {
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(userCwd, p));
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const flag = PATH_FLAGS.find((f) => a === f || a.startsWith(`${f}=`));
    if (flag && a.startsWith(`${flag}=`)) out.push(`${flag}=${abs(a.slice(flag.length + 1))}`);
    else if (flag && i + 1 < args.length) out.push(a, abs(args[++i]!));
    else if (a.startsWith("-")) out.push(a);
    else out.push(abs(a));
  }
  return out;
};

/** The first line of the installer's output that says what went wrong. */
export const downloadFailureReason = (output: string): string => {
  const lines = output
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith("at "));
  return (
    lines.find((l) => /error|fail|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|certificate|40\d|50\d/i.test(l)) ??
    lines[0] ??
    "no output"
  );
};

export const noBinaryMessage = (reason: string): string =>
  `direct-editor: cannot start: the Electron binary is not installed and downloading it failed (${reason}). ` +
  "Connect to the internet and run the command again, or use the editor in a browser with `npm run web`.";

/**
 * Ubuntu 23.10+ restricts unprivileged user namespaces through AppArmor; Chromium's sandbox then
 * needs the SUID helper, which an npm-installed Electron does not have. Electron aborts with
 * "The SUID sandbox helper binary was found, but is not configured correctly". Say how to fix it.
 */
export const sandboxProblem = (probe: {
  readonly platform: NodeJS.Platform;
  readonly restrictUserns: string | undefined;
  readonly sandboxHelper: { readonly uid: number; readonly mode: number } | undefined;
  readonly helperPath: string;
}): string | undefined => {
  if (probe.platform !== "linux" || probe.restrictUserns?.trim() !== "1") return undefined;
  const helper = probe.sandboxHelper;
  if (helper && helper.uid === 0 && (helper.mode & 0o4000) !== 0) return undefined;
  return [
    "direct-editor: cannot start: this system's AppArmor restricts unprivileged user namespaces, and",
    `Electron's sandbox helper (${probe.helperPath}) is not set up to run without them. Fix it once with:`,
    `  sudo chown root:root ${probe.helperPath} && sudo chmod 4755 ${probe.helperPath}`,
    "or allow user namespaces: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0",
  ].join("\n");
};
