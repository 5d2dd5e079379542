// Child processes of the stack: each in its own process group, so that stopping the stack
// stops everything it started (and their children) and nothing else.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Environment variables for a child (merged over this process's). */
export type TEnvVars = Record<string, string | undefined>;

export type TService = { name: string; child: ChildProcess; logFile?: string };

export type TStartOptions = {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: TEnvVars;
  /** Where output goes: a log file (tests) or this terminal with a name prefix (demo). */
  logDir?: string;
  onLine?: (line: string) => void;
};

const running = new Set<TService>();

export function startService({ name, command, args, cwd, env, logDir, onLine }: TStartOptions): TService {
  // An undefined value removes the variable (spawn would pass the string "undefined").
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter((entry) => entry[1] !== undefined),
  ) as NodeJS.ProcessEnv;
  const child = spawn(command, args, { cwd, env: merged, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let logFile: string | undefined;
  if (logDir) {
    mkdirSync(logDir, { recursive: true });
    logFile = path.join(logDir, `${name}.log`);
    const stream = createWriteStream(logFile, { flags: "a" });
    child.stdout?.pipe(stream);
    child.stderr?.pipe(stream);
  }
  if (onLine) {
    for (const source of [child.stdout, child.stderr]) {
      let buffered = "";
      source?.on("data", (chunk: Buffer) => {
        const lines = (buffered + chunk.toString()).split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) if (line.trim()) onLine(line);
      });
    }
  }
  const service = { name, child, logFile };
  running.add(service);
  child.on("exit", () => running.delete(service));

  return service;
}

/** SIGTERM to the whole process group, SIGKILL after `graceMs`. */
export async function stopService(service: TService, graceMs = 10_000): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    signalGroup(child.pid, "SIGKILL");
    await exited;
  }
}

export async function stopAllServices(): Promise<void> {
  await Promise.all([...running].reverse().map((service) => stopService(service)));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Resolves when `url` answers with one of `okStatuses`; rejects after `timeoutMs` or if the service exits. */
export async function waitForHttp(
  url: string,
  {
    service,
    timeoutMs = 120_000,
    okStatuses = [200],
  }: { service?: TService; timeoutMs?: number; okStatuses?: number[] } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service && service.child.exitCode !== null) {
      throw new Error(
        `${service.name} exited (code ${service.child.exitCode}) before ${url} answered${service.logFile ? `; see ${service.logFile}` : ""}`,
      );
    }
    const status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (okStatuses.includes(status)) return;
    await sleep(500);
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs / 1000} s${service?.logFile ? `; see ${service.logFile}` : ""}`,
  );
}

/** True when something already listens on the port (a stale server would look like auth bugs). */
export async function isPortAnswering(port: number): Promise<boolean> {
  const { connect } = await import("node:net");

  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Runs a command to completion; rejects with its output's tail when it fails. */
export async function runToCompletion({ name, command, args, cwd, env, logDir, onLine }: TStartOptions): Promise<void> {
  const lines: string[] = [];
  const service = startService({
    name,
    command,
    args,
    cwd,
    env,
    logDir,
    onLine: (line) => {
      lines.push(line);
      onLine?.(line);
    },
  });
  const code = await new Promise<number | null>((resolve) => service.child.once("exit", (c) => resolve(c)));
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${lines.slice(-25).join("\n")}`);
}
