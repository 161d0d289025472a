import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { prettyLine } from "../../src/observability/pretty-log.js";

describe("readable logs for a terminal", () => {
  it("a JSON log line becomes time, level, message and fields, still redacted", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.info({ port: 3000, access_token: "tok-123", note: "gọi 0904540490" }, "bot listening");
    const line = prettyLine(lines[0]!, false);
    expect(line).toMatch(/^\d\d:\d\d:\d\d INFO {2}bot listening port=3000 /);
    expect(line).toContain("access_token=[redacted]");
    expect(line).not.toContain("tok-123");
    expect(line).not.toContain("0904540490");
  });

  it("an error shows its stack under the line; a line that is not JSON passes through", () => {
    const json = JSON.stringify({ level: 50, time: 0, msg: "failed", err: { message: "boom", stack: "Error: boom\n    at x" } });
    expect(prettyLine(json, false)).toMatch(/ERROR failed\nError: boom\n {4}at x$/);
    expect(prettyLine(JSON.stringify({ level: 40, time: 0, msg: "redis down", err: "ECONNREFUSED" }), false)).toMatch(
      /WARN {2}redis down err=ECONNREFUSED$/,
    );
    expect(prettyLine("plain text", false)).toBe("plain text");
  });
});
