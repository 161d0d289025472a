import { describe, expect, it } from "vitest";
import { mayRestoreNice } from "../../src/wiring/thread-priority.js";

const status = (capEff: string) => `Name:\tnode\nCapInh:\t0000000000000000\nCapEff:\t${capEff}\nCapBnd:\t000001ffffffffff\n`;
const limits = (soft: string) =>
  "Limit                     Soft Limit           Hard Limit           Units     \n" +
  `Max nice priority         ${soft}                    ${soft}                    \n`;

describe("the answering thread lowers its priority only while loading, and only when it may raise it again", () => {
  it("may with CAP_SYS_NICE (root, or a service granted it)", () => {
    expect(mayRestoreNice(status("000001fffeffffff"), limits("0"), 0)).toBe(true);
    expect(mayRestoreNice(status("0000000000800000"), limits("0"), 0)).toBe(true);
  });

  it("may not as an ordinary user with RLIMIT_NICE 0: it then keeps the process's priority from the start", () => {
    expect(mayRestoreNice(status("0000000000000000"), limits("0"), 0)).toBe(false);
    expect(mayRestoreNice(status("0000000000000000"), "", 0)).toBe(false);
  });

  it("may when RLIMIT_NICE reaches the process's nice value (20 - limit ≤ base)", () => {
    expect(mayRestoreNice(status("0000000000000000"), limits("20"), 0)).toBe(true);
    expect(mayRestoreNice(status("0000000000000000"), limits("15"), 5)).toBe(true);
    expect(mayRestoreNice(status("0000000000000000"), limits("15"), 0)).toBe(false);
    expect(mayRestoreNice(status("0000000000000000"), limits("unlimited"), 0)).toBe(true);
  });
});
