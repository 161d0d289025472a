import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { openDatabase } from "../src/db/database.js";
import { createPeopleServices } from "../src/people/people-services.js";
import { parseUnitsCsv } from "../src/people/units-csv.js";

/**
 * npm run bench:results [-- <rows>]: writes a per-person official list of N rows (default 100,000) over the
 * example ward's 25 units as .xlsx and as CSV, with 10,000 chat reports already in the database (half of them
 * on the list), then runs `npm run cli -- results import <file> --apply` on each as a separate process,
 * passing its progress lines through, and prints rows per second (whole command: start-up, read, check, write).
 */
const rows = Number(process.argv[2] ?? 100_000);
const NOW = "2025-11-12T10:00:00+07:00";
const window = { start: new Date("2025-10-11T00:00:00+07:00"), end: new Date("2025-11-11T23:59:59+07:00") };
const dir = mkdtempSync(join(tmpdir(), "results-bench-"));

const FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Mai Trịnh".split(" ");
const MIDDLE = "Văn Thị Minh Hữu Đức Thu Ngọc Quang Thanh Xuân Hồng Gia".split(" ");
const GIVEN = (
  "An Bình Cường Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Khánh Lan Linh Long Mai Minh Nam Nga Ngọc Nhung Phong Phúc " +
  "Phương Quân Quang Quế Sơn Tâm Thắng Thảo Thành Thủy Tiến Toàn Trang Trung Tú Tuấn Tùng Uyên Vân Việt Vinh Xuân Yến " +
  "Châu Đạt Hậu Khoa Lộc Mạnh Nhân Oanh Phát Sang Tài Thư Vy"
).split(" ");

/** The i-th distinct name (20 × 12 × 60 = 14,400 before one repeats in a unit). */
function nameOf(i: number): string {
  const g = GIVEN[i % GIVEN.length]!;
  const m = MIDDLE[Math.floor(i / GIVEN.length) % MIDDLE.length]!;
  const f = FAMILY[Math.floor(i / (GIVEN.length * MIDDLE.length)) % FAMILY.length]!;
  return `${f} ${m} ${g}`;
}

const units = parseUnitsCsv(readFileSync("content/units.example.csv"));
if (!units.ok) throw new Error("example CSV is invalid");
const codes = units.units.map((u) => u.code);
const person = (i: number) => {
  const unit = codes[i % codes.length]!;
  const day = `2025-${i % 2 ? "10" : "11"}-${String((i % 28) + 1).padStart(2, "0")}`;
  return {
    name: nameOf(Math.floor(i / codes.length)),
    unit,
    day: day > "2025-11-11" ? "2025-11-11" : day,
    phone: `09${String(10_000_000 + i)}`,
  };
};

async function writeFiles(): Promise<{ xlsx: string; csv: string }> {
  const xlsx = join(dir, "danh-sach.xlsx");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const ws = wb.addWorksheet("Danh sách");
  ws.addRow(["STT", "Họ và tên", "Đơn vị", "Ngày hoàn thành", "Số điện thoại"]).commit();
  const csv: string[] = ["ho_ten,don_vi,ngay_hoan_thanh,so_dien_thoai".replace(/_/g, " ")];
  for (let i = 0; i < rows; i++) {
    const p = person(i);
    ws.addRow([i + 1, p.name, p.unit, new Date(`${p.day}T00:00:00Z`), p.phone]).commit();
    csv.push(`${p.name},${p.unit},${p.day.split("-").reverse().join("/")},${p.phone}`);
  }
  ws.commit();
  await wb.commit();
  const csvFile = join(dir, "danh-sach.csv");
  writeFileSync(csvFile, `${csv.join("\n")}\n`);
  return { xlsx, csv: csvFile };
}

function seedDatabase(path: string): void {
  const db = openDatabase(path);
  const people = createPeopleServices(db, window);
  if (!units.ok) return;
  people.units.upsertAll(units.units, new Date());
  const at = new Date("2025-10-30T09:00:00+07:00");
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++) {
      // Every other chat report is someone on the list; the others are not.
      const p = person(i % 2 ? i : rows + i);
      people.completions.upsert({ zaloUserId: `bench-${i}`, fullName: p.name, unitCode: p.unit, source: "command" }, at);
    }
  })();
  db.close();
}

function runImport(file: string, dbPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", "results", "import", file, "--apply"], {
      env: { ...process.env, DATABASE_PATH: dbPath, BOT_NOW: NOW, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let tail = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      // Progress lines as they come; the per-unit table is long, keep only its summary lines.
      for (const line of text.split("\n")) if (/rows read|^Read |^Imported|^Reading/.test(line)) process.stdout.write(`    ${line}\n`);
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`import exited with ${code}: ${tail}`));
      else resolve((performance.now() - started) / 1000);
    });
  });
}

async function main(): Promise<void> {
  console.log(`Writing ${rows.toLocaleString("en-US")} people as .xlsx and CSV…`);
  const files = await writeFiles();
  const results: string[] = [];
  for (const [kind, file] of Object.entries(files)) {
    const dbPath = join(dir, `${kind}.db`);
    seedDatabase(dbPath);
    console.log(`${kind}: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)`);
    const seconds = await runImport(file, dbPath);
    const db = openDatabase(dbPath);
    const stored = (db.prepare("SELECT COUNT(*) AS n FROM official_people").get() as { n: number }).n;
    db.close();
    // A few generated rows may be refused (the import lists them); the figure is about the rest.
    if (stored < rows * 0.99) throw new Error(`${kind}: ${stored} people stored, expected about ${rows}`);
    const rate = Math.round(rows / seconds);
    console.log(
      `  ${kind}: ${stored.toLocaleString("en-US")} people stored in ${seconds.toFixed(1)} s (whole command) → ${rate.toLocaleString("en-US")} rows/s`,
    );
    results.push(`${kind}_rows_per_s=${rate} ${kind}_seconds=${seconds.toFixed(1)}`);
  }
  console.log(`RESULT rows=${rows} ${results.join(" ")}`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
