import { readFileSync } from "node:fs";
import { loadCampaign } from "../src/content/campaign.js";
import { loadFaqContent } from "../src/content/faq-content.js";
import { FaqEngine } from "../src/faq/faq-engine.js";

/**
 * npm run bench:faq [-- <count>]: answers questions in process with the full content loaded (retrieval,
 * confidence and rendering, no database) and prints latency percentiles and throughput.
 * The questions mix every example phrasing, typed variants (no diacritics, shorthand) and off-topic ones.
 */
const count = Number(process.argv[2] ?? 10_000);
const dir = process.env.CONTENT_DIR ?? "./content";
const campaign = loadCampaign(dir);
const engine = new FaqEngine(campaign, loadFaqContent(dir, campaign));

const strip = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
const pool: string[] = [];
for (const e of engine.content.entries) {
  for (const p of e.ask) {
    pool.push(p, strip(p), `${p.replace(/không/g, "ko").replace(/được/g, "dc")} ạ`);
  }
}
for (const file of ["test/faq/heldout.jsonl", "test/faq/heldout-2.jsonl", "test/faq/heldout-3.jsonl"]) {
  try {
    for (const l of readFileSync(file, "utf8").split("\n")) if (l.trim()) pool.push((JSON.parse(l) as { text: string }).text);
  } catch {
    // the held-out lists are optional for the benchmark
  }
}
pool.push(
  "giá vàng hôm nay",
  "thời tiết ngày mai thế nào",
  "kết quả bóng đá",
  "cho em hỏi cuộc thi công dân số hải phòng năm nay bao giờ thì kết thúc và giải thưởng gồm những gì vậy ad",
);

const now = new Date("2025-10-25T09:00:00+07:00");
for (let i = 0; i < 2_000; i++) engine.ask(pool[i % pool.length]!, now); // warm-up (JIT)

const times = new Float64Array(count);
const kinds = { answer: 0, suggest: 0, none: 0 };
const started = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  const q = pool[(i * 7919) % pool.length]!;
  const t0 = process.hrtime.bigint();
  const r = engine.ask(q, now);
  times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  kinds[r.kind]++;
}
const totalS = Number(process.hrtime.bigint() - started) / 1e9;
times.sort();
const pct = (p: number) => times[Math.min(count - 1, Math.floor((p / 100) * count))]!;
console.log(`${engine.content.entries.length} entries, ${pool.length} distinct questions, ${count} asked`);
console.log(`answer ${kinds.answer}, suggest ${kinds.suggest}, fallback ${kinds.none}`);
console.log(`max_us=${times[count - 1]!.toFixed(0)}`);
console.log(`RESULT p50_us=${pct(50).toFixed(0)} p99_us=${pct(99).toFixed(0)} qps=${Math.round(count / totalS)}`);
