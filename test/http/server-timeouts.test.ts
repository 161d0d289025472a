import type { Server } from "node:http";
import { createServer, connect } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { ListenError, listen } from "../../src/http/listen.js";

/** Issue 14 §3: slow clients are cut off. Short limits are injected so the test waits milliseconds, not seconds. */
let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server?.closeAllConnections();
  server = null;
});

const app = () => {
  const a = express();
  a.post("/webhooks/zalo", express.raw({ type: () => true }), (_req, res) => res.json({ ok: true }));
  return a;
};

/** Sends `text` one byte at a time every few ms until the server closes the socket; returns how much went out. */
function dribble(port: number, text: string): Promise<{ sent: number; reply: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let sent = 0;
    let reply = "";
    const timer = setInterval(() => {
      if (sent < text.length && !socket.destroyed) socket.write(text[sent++]!);
    }, 5);
    socket.on("data", (d) => (reply += d.toString()));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ sent, reply });
    });
  });
}

const HEADERS = `POST /webhooks/zalo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${"X-Pad: a\r\n".repeat(200)}Content-Length: 2\r\n\r\n`;

describe("server timeouts", () => {
  it("cuts off a client that sends its headers one byte at a time", async () => {
    server = await listen(app(), 0, "127.0.0.1", { headersMs: 200, requestMs: 400, keepAliveMs: 100, checkEveryMs: 20 });
    const port = (server.address() as { port: number }).port;
    const r = await dribble(port, HEADERS);
    expect(r.sent).toBeLessThan(HEADERS.length);
    expect(r.reply).toContain("408");
  });

  it("cuts off a client that sends its body one byte at a time", async () => {
    server = await listen(app(), 0, "127.0.0.1", { headersMs: 200, requestMs: 400, keepAliveMs: 100, checkEveryMs: 20 });
    const port = (server.address() as { port: number }).port;
    const body = "x".repeat(2000);
    const request = `POST /webhooks/zalo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const r = await dribble(port, request);
    expect(r.sent).toBeLessThan(request.length);
  });

  it("a request sent at once is answered", async () => {
    server = await listen(app(), 0, "127.0.0.1", { headersMs: 200, requestMs: 400, keepAliveMs: 100, checkEveryMs: 20 });
    const port = (server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/webhooks/zalo`, { method: "POST", body: "{}" });
    expect(res.status).toBe(200);
  });

  it("a busy port is one error naming the port and what to do", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const port = (blocker.address() as { port: number }).port;
    const err = await listen(app(), port, "127.0.0.1").catch((e: unknown) => e);
    blocker.close();
    expect(err).toBeInstanceOf(ListenError);
    expect((err as Error).message).toBe(`PORT ${port} is already in use: stop the other process using it or set PORT to a free port`);
  });
});
