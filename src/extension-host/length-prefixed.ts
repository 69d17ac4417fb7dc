/**
 * Framing for byte streams (pipes, Unix sockets): each frame is a 4-byte big-endian length
 * followed by that many bytes of UTF-8 JSON. Used by the private-pipe transport, which
 * stands in for a MessagePort where Electron is absent.
 */
export const encodeLengthPrefixed = (text: string): Buffer => {
  const body = Buffer.from(text, "utf8");
  const frame = Buffer.allocUnsafe(4 + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, 4);
  return frame;
};

export class FrameTooLarge extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`frame of ${bytes} bytes exceeds the ${limit}-byte limit`);
  }
}

/** Incremental decoder: feed chunks, get whole frames. Throws FrameTooLarge before buffering one. */
export class LengthPrefixedDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): string[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: string[] = [];
    for (;;) {
      if (this.buffered < 4) return frames;
      const head = this.peek(4);
      const length = head.readUInt32BE(0);
      if (length > this.maxFrameBytes) throw new FrameTooLarge(length, this.maxFrameBytes);
      if (this.buffered < 4 + length) return frames;
      const whole = this.take(4 + length);
      frames.push(whole.toString("utf8", 4));
    }
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length >= n) return this.chunks[0]!.subarray(0, n);
    return Buffer.concat(this.chunks).subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = all.length > n ? [all.subarray(n)] : [];
    this.buffered = all.length - n;
    return all.subarray(0, n);
  }
}
