/**
 * app.requestSingleInstanceLock across processes, as Chromium does it with a lock and a
 * socket in userData: an exclusive lock file holding the owner's pid (stale when that pid is
 * gone), and an inbox folder where a second instance drops its argv for the first.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  watch,
  writeFileSync,
  writeSync,
  type FSWatcher,
} from "node:fs";
import { join } from "node:path";
import { Schema } from "effect";

const Knock = Schema.Struct({ argv: Schema.Array(Schema.String), cwd: Schema.String, data: Schema.Unknown });
type Knock = typeof Knock.Type;
const decodeKnock = Schema.decodeUnknownOption(Schema.fromJsonString(Knock));

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

export class SingleInstanceLock {
  private held = false;
  private watcher: FSWatcher | undefined;
  private readonly lockPath: string;
  private readonly inbox: string;

  constructor(
    userData: string,
    private readonly onSecondInstance: (knock: Knock) => void,
  ) {
    this.lockPath = join(userData, "SingletonLock");
    this.inbox = join(userData, "SingletonInbox");
    mkdirSync(this.inbox, { recursive: true });
  }

  /** true: this process owns the app. false: the owner was handed `argv`; quit now. */
  request(data: unknown): boolean {
    if (this.held) return true;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(this.lockPath, "wx", 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.held = true;
        this.watcher = watch(this.inbox, () => this.drainInbox());
        this.drainInbox();
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      const owner = Number(readFileSync(this.lockPath, "utf8"));
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        const file = join(this.inbox, `${process.pid}-${Date.now()}`);
        writeFileSync(`${file}.tmp`, JSON.stringify({ argv: process.argv, cwd: process.cwd(), data: data ?? null }));
        renameSync(`${file}.tmp`, `${file}.json`);
        return false;
      }
      rmSync(this.lockPath, { force: true });
    }
    return false;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    this.watcher?.close();
    rmSync(this.lockPath, { force: true });
  }

  private drainInbox(): void {
    for (const name of readdirSync(this.inbox).filter((n) => n.endsWith(".json"))) {
      const path = join(this.inbox, name);
      let text: string;
      try {
        text = readFileSync(path, "utf8");
        rmSync(path);
      } catch {
        continue; // another watcher event took it
      }
      const knock = decodeKnock(text);
      if (knock._tag === "Some") this.onSecondInstance(knock.value);
    }
  }
}
