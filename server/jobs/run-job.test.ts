import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineJob } from "@/server/jobs/job-definition";
import { isRetryable, runJob } from "@/server/jobs/run-job";

const handle = vi.fn(async (payload: { n: number }) => ({ doubled: payload.n * 2 }));
const load = vi.fn(async () => handle);
const job = defineJob({
  name: "test.double",
  version: 2,
  schema: z.object({ n: z.number().int() }).strict(),
  retry: { limit: 3, delaySeconds: 1, backoff: false },
  expireInSeconds: 60,
  load,
});
const item = (data: unknown, retryCount = 0) => ({ id: "job-1", data, retryCount });
const envelope = (payload: unknown, version = 2) => ({ version, correlationId: "req-1", payload });

describe("runJob", () => {
  it("completes with the handler's output, loading the handler once", async () => {
    expect(await runJob(job, item(envelope({ n: 21 })))).toEqual({
      id: "job-1",
      status: "completed",
      output: { doubled: 42 },
    });
    await runJob(job, item(envelope({ n: 1 })));
    expect(load).toHaveBeenCalledTimes(1);
    expect(handle).toHaveBeenLastCalledWith({ n: 1 }, { jobId: "job-1", attempt: 0, correlationId: "req-1" });
  });

  it("dead-letters what can never run, saying why", async () => {
    expect(await runJob(job, item({ n: 1 }))).toMatchObject({
      status: "deadletter",
      output: { error: "INVALID_PAYLOAD" },
    });
    expect(await runJob(job, item(envelope({ n: "x" })))).toMatchObject({
      status: "deadletter",
      output: { error: "INVALID_PAYLOAD", issues: [expect.stringContaining("n:")] },
    });
    expect(await runJob(job, item(envelope({ n: 1 }, 1)))).toMatchObject({
      status: "deadletter",
      output: { error: "VERSION_MISMATCH", version: 1, expected: 2 },
    });
  });

  it("fails (for pg-boss to retry) a payload from newer code, leaving it for a newer worker", async () => {
    expect(await runJob(job, item(envelope({ n: 1 }, 3)))).toMatchObject({
      status: "failed",
      output: { error: "NEWER_VERSION" },
    });
  });

  it("retries retryable errors and dead-letters permanent ones", async () => {
    handle.mockRejectedValueOnce(new AppError("UPSTREAM_FAILED", "Odoo is down"));
    expect(await runJob(job, item(envelope({ n: 1 }), 2))).toMatchObject({
      status: "failed",
      output: { error: "UPSTREAM_FAILED", message: "Odoo is down" },
    });
    handle.mockRejectedValueOnce(new AppError("NOT_FOUND", "No product ABC-1 in Odoo"));
    expect(await runJob(job, item(envelope({ n: 1 })))).toMatchObject({
      status: "deadletter",
      output: { error: "NOT_FOUND", message: "No product ABC-1 in Odoo" },
    });
    handle.mockRejectedValueOnce(new AppError("UPSTREAM_FAILED", "Access denied", undefined, { retryable: false }));
    expect(await runJob(job, item(envelope({ n: 1 })))).toMatchObject({ status: "deadletter" });
    handle.mockRejectedValueOnce(new TypeError("connection reset"));
    expect(await runJob(job, item(envelope({ n: 1 })))).toMatchObject({ status: "failed" });
  });
});

describe("isRetryable", () => {
  it("follows the error's own flag, then its code", () => {
    expect(isRetryable(Object.assign(new Error("x"), { retryable: false }))).toBe(false);
    expect(isRetryable(new AppError("INVALID_STATE", "x", undefined, { retryable: true }))).toBe(true);
    expect(isRetryable(new AppError("INVALID_INPUT", "x"))).toBe(false);
    expect(isRetryable(new AppError("UPSTREAM_FAILED", "x"))).toBe(true);
    expect(isRetryable(new Error("boom"))).toBe(true);
  });
});
