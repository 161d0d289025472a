/**
 * Words after which residents name a place ("phường Lê Chân", "xã Tân Tiến", "thôn Đông"), folded. The
 * syllables that follow are a name, not words of the question (see Reading.named, completion-intent).
 */
export const NAMING_WORDS: readonly string[] = ["phuong", "xa", "quan", "huyen", "thon", "xom", "khu", "duong", "pho", "ap"];
