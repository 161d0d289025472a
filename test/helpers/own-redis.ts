import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A private redis-server from PATH (never the shared one on 6379): no persistence, loopback only. */
export interface OwnRedis {
  port: number;
  url: string;
  /** Kills it (SIGKILL: like a crash; with no persistence the data is gone). */
  kill(): Promise<void>;
  /** Starts it again, empty, on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A port free at this moment on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const s = createServer().listen(0, "127.0.0.1");
  await new Promise((r) => s.once("listening", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Whether a Redis answers PING at this URL (within a second). */
export async function redisAnswers(url: string): Promise<boolean> {
  const { Redis } = await import("ioredis");
  const r = new Redis(url, { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null, connectTimeout: 1000 });
  r.on("error", () => {});
  try {
    await r.connect();
    return (await r.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
    child.stdout!.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      if (out.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (c) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${c}):\n${out}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return child;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = await launch(port);
  const end = async (signal: NodeJS.Signals) => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill(signal);
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: () => end("SIGKILL"),
    async restart() {
      await end("SIGKILL");
      child = await launch(port);
    },
    stop: () => end("SIGTERM"),
  };
}
