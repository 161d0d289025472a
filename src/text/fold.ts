/**
 * Folds Vietnamese text for comparison: NFC first (decomposed input from some keyboards),
 * lowercase, tone and shape marks removed, đ → d. "Đăng ký" → "dang ky".
 */
export function fold(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}

/** fold() plus whitespace collapsed and trimmed. */
export function foldKey(text: string): string {
  return fold(text).replace(/\s+/g, " ").trim();
}
