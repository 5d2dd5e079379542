import { describe, expect, it } from "vitest";
import { readLimitedBody } from "@/server/integrations/read-limited-body";

const streamOf = (chunks: number[], onPull?: () => void) => {
  let index = 0;

  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      const size = chunks[index++];
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
};

describe("readLimitedBody", () => {
  it("reads a body up to the limit exactly, across chunks", async () => {
    const read = await readLimitedBody(streamOf([4, 4, 2]), 10);
    expect(read).toEqual({ ok: true, bytes: new Uint8Array(10).fill(0x61) });
  });

  it("refuses a body one byte over the limit", async () => {
    expect(await readLimitedBody(streamOf([4, 4, 3]), 10)).toEqual({ ok: false, reason: "too-large" });
  });

  it("stops pulling as soon as the limit is passed", async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new Uint8Array(100));
      },
    });
    expect(await readLimitedBody(endless, 250)).toEqual({ ok: false, reason: "too-large" });
    expect(pulls).toBeLessThanOrEqual(4);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    let pulls = 0;
    const read = await readLimitedBody(
      streamOf([1], () => (pulls += 1)),
      10,
      "11",
    );
    expect(read).toEqual({ ok: false, reason: "too-large" });
    expect(pulls).toBe(0);
  });

  it("does not trust a declared length under the limit", async () => {
    expect(await readLimitedBody(streamOf([8, 8]), 10, "5")).toEqual({ ok: false, reason: "too-large" });
  });

  it("reads no body as empty", async () => {
    expect(await readLimitedBody(null, 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });
});
