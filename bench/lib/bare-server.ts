import express from "express";

/**
 * The ceiling for bench:webhook: a bare express server answering "hello" to the same POSTs, in its own
 * process like the bot. Prints its port as a JSON line, as the bot does.
 */
const app = express();
app.post("/webhooks/zalo", (_req, res) => {
  res.send("hello");
});
const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const addr = server.address();
  process.stdout.write(`${JSON.stringify({ level: 30, port: typeof addr === "object" && addr ? addr.port : 0 })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
