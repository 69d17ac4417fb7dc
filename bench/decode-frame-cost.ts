/**
 * Per-frame cost of decodeFrame (text frames), for comparing envelope changes:
 * `taskset -c 1 npx tsx bench/decode-frame-cost.ts`. Prints the median of 7 reps in µs/frame.
 */
import { ChannelContract } from "../src/protocol/contracts/channel.js";
import { ExtHostContract } from "../src/protocol/contracts/ext-host.js";
import { decodeFrame } from "../src/protocol/envelope.js";

const small = JSON.stringify({ id: 12345, method: ChannelContract.echo.method, params: ["x".repeat(120)] }); // ~168 B
const doc = JSON.stringify({
  id: 7,
  method: ExtHostContract.documentChanged.method,
  params: [{ uri: "file:///a.ts", version: 3, text: "const constructor = 1;\n".repeat(440) }],
}); // ~10 KiB, mentions "constructor" in a value (not a key)

const perFrameUs = (text: string, n: number): number => {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) decodeFrame(text);
  return Number(process.hrtime.bigint() - t0) / 1000 / n;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const [name, text, n] of [
  ["168 B request", small, 200_000],
  ["10 KiB request", doc, 20_000],
] as const) {
  perFrameUs(text, n); // warm-up
  const reps = Array.from({ length: 7 }, () => perFrameUs(text, n));
  console.log(`${name} (${text.length} chars): ${median(reps).toFixed(2)} µs/frame`);
}
