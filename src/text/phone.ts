// Vietnamese mobile/landline numbers: 0xxxxxxxxx or +84/84 prefix, with optional spaces, dots or dashes.
const PHONE = /(?<![\d])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\d])/g;

/** Masks phone numbers inside free text (residents type them into questions): 0912345678 → 091*****78. */
export function redactPhones(text: string): string {
  return text.replace(PHONE, (m) => m.slice(0, 3) + "*".repeat(Math.max(0, m.length - 5)) + m.slice(-2));
}

/** Replaces every phone number with one token, so a grouping key neither holds nor splits on numbers. */
export function phonesAsToken(text: string, token = "sdt_an"): string {
  return text.replace(PHONE, token);
}
