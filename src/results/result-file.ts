import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { ResultFileError } from "../errors.js";

/** A cell as read: text, a number, a date (Excel date cells) or empty. */
export type CellValue = string | number | Date | null;

/** One row of a CSV file or of a workbook's sheet, with where it is (1-based line or row number). */
export interface SheetRow {
  sheet: string | null;
  line: number;
  cells: CellValue[];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads a CSV (UTF-8, comma, semicolon or tab separated) or an .xlsx workbook (every sheet), row by row. */
export function readRows(input: Buffer): AsyncGenerator<SheetRow> {
  if (input.subarray(0, 4).equals(ZIP)) return xlsxRows(input);
  if (input.subarray(0, 4).equals(OLE)) {
    throw new ResultFileError(
      "this is an old Excel .xls file: save it as .xlsx (Excel Workbook) or CSV UTF-8 and try again",
      "Đây là tệp Excel cũ (.xls): hãy lưu lại dạng .xlsx (Excel Workbook) hoặc CSV UTF-8 rồi nhập lại.",
    );
  }
  return csvRows(input);
}

function checkUtf8(input: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch (err) {
    throw new ResultFileError(
      "the file is neither .xlsx nor UTF-8 text: in Excel choose Save As → CSV UTF-8, or keep it as .xlsx",
      "Tệp không phải .xlsx cũng không phải văn bản UTF-8: trong Excel chọn Lưu thành → CSV UTF-8, hoặc giữ dạng .xlsx.",
      { cause: err },
    );
  }
}

/** The separator used on the first line (outside quotes): Excel in Vietnamese often writes ';'. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, first.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ",";
}

async function* csvRows(input: Buffer): AsyncGenerator<SheetRow> {
  const text = checkUtf8(input).replace(/^\uFEFF/, "");
  const parser = Readable.from([text]).pipe(
    parse({ delimiter: delimiterOf(text), info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is where the record ends; a quoted field may span lines, so count back to its start.
      const line = rec.info.lines - rec.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
      yield { sheet: null, line, cells: rec.record };
    }
  } catch (err) {
    if (err instanceof ResultFileError) throw err;
    const e = err as { lines?: number; message: string };
    throw new ResultFileError(
      `not valid CSV near line ${e.lines ?? "?"}: ${e.message}`,
      `Tệp CSV bị lỗi gần dòng ${e.lines ?? "?"}: ${e.message}`,
      { cause: err },
    );
  }
}

/** The rows of every worksheet, read with the whole workbook in memory (the streaming reader's fallback). */
async function* wholeWorkbookRows(ExcelJS: typeof import("exceljs"), input: Buffer): AsyncGenerator<SheetRow> {
  const book = new ExcelJS.Workbook();
  // (exceljs declares its own Buffer type, which Node 20's generic Buffer does not match; the bytes are the same.)
  await book.xlsx.load(input as unknown as ArrayBuffer);
  for (const sheet of book.worksheets) {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push({ sheet: sheet.name, line: row.number, cells: values.map(cellValue) });
    });
    yield* rows;
  }
}

/** What exceljs gives for a cell (formula results, rich text and links reduced to their value). */
function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || v instanceof Date) return v;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "object") {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ("result" in o) return cellValue(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if ("text" in o) return cellValue(o.text);
    if ("error" in o) return null;
  }
  return String(v);
}

async function* xlsxRows(input: Buffer): AsyncGenerator<SheetRow> {
  // Loaded on first use: exceljs takes ~0.5 s of CPU to load, which the bot and other commands need not pay.
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([input]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "ignore",
  });
  let yielded = false;
  try {
    for await (const sheet of reader) {
      const meta = sheet as unknown as { id: number; name?: string };
      const name = meta.name ?? `Sheet${meta.id}`;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yielded = true;
        yield { sheet: name, line: row.number, cells: values.map(cellValue) };
      }
    }
  } catch (err) {
    if (err instanceof ResultFileError) throw err;
    // The streaming reader can reach a worksheet before the workbook part is parsed (a race in exceljs under
    // load: "reading 'sheets'"); nothing read yet, the whole-file reader reads the same rows.
    if (!yielded && err instanceof TypeError) {
      yield* wholeWorkbookRows(ExcelJS, input);
      return;
    }
    throw new ResultFileError(
      `cannot read the workbook: ${(err as Error).message}`,
      `Không đọc được tệp Excel: ${(err as Error).message}`,
      { cause: err },
    );
  }
}
