import { createInterface } from "node:readline";
import { z } from "zod";
import { askOnce, createOfflineBot } from "./offline-bot.js";

/**
 * npm run ask -- "câu hỏi"        prints the reply a resident would get in a 1:1 chat.
 * npm run --silent ask -- --jsonl reads {"text": "..."} lines on stdin and prints
 *                                 {"text", "intent", "reply"} lines, each asked by a new user.
 */
const line = z.object({ text: z.string() });

async function main(argv: string[]): Promise<number> {
  const jsonl = argv.includes("--jsonl");
  const question = argv
    .filter((a) => a !== "--jsonl" && a !== "--")
    .join(" ")
    .trim();
  if (!jsonl && !question) {
    process.stderr.write('usage: npm run ask -- "câu hỏi"   |   npm run --silent ask -- --jsonl < questions.jsonl\n');
    return 2;
  }
  const ob = createOfflineBot();
  try {
    if (!jsonl) {
      const { reply } = await askOnce(ob, "9000000000000000001", question);
      process.stdout.write(`${reply}\n`);
      return 0;
    }
    let n = 0;
    let bad = 0;
    for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (!raw.trim()) continue;
      n++;
      let parsed: z.infer<typeof line>;
      try {
        parsed = line.parse(JSON.parse(raw));
      } catch (err) {
        bad++;
        process.stderr.write(`line ${n}: not a {"text": "..."} object (${(err as Error).message})\n`);
        process.stdout.write(`${JSON.stringify({ text: null, intent: null, reply: "" })}\n`);
        continue;
      }
      const userId = String(9_000_000_000_000_000_000n + BigInt(n));
      const { intent, reply } = await askOnce(ob, userId, parsed.text);
      process.stdout.write(`${JSON.stringify({ text: parsed.text, intent, reply })}\n`);
    }
    return bad > 0 ? 1 : 0;
  } finally {
    ob.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
