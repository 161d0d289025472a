// A cell starting with one of these is run as a formula by Excel/Sheets (CSV/formula injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text for a spreadsheet cell that no spreadsheet will run: a leading = + - @ (or tab, CR) gets a quote. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
