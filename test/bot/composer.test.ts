import { describe, expect, it } from "vitest";
import { Composer, parseCommand, runComposer } from "../../src/bot/composer.js";
import type { BotContext } from "../../src/bot/context.js";

function ctx(text: string, eventName = "user_send_text"): BotContext {
  const replies: BotContext["replies"] = [];
  return {
    text,
    eventName,
    intent: null,
    replies,
    reply: (t: string) => void replies.push({ to: { kind: "user", id: "u" }, text: t }),
  } as unknown as BotContext;
}

describe("parseCommand", () => {
  it.each([
    ["#xong Nguyễn Văn A, TDP 5", "xong", "Nguyễn Văn A, TDP 5"],
    ["/BaoCao", "baocao", ""],
    ["# nhắc nhở tatca", "nhac", "nhở tatca"],
    ["#NHẮCNHỞ tatca", "nhacnho", "tatca"],
    ["  #toi  ", "toi", ""],
  ])("%s", (text, name, args) => {
    expect(parseCommand(text)).toEqual({ name, args });
  });

  it("is null for ordinary text", () => {
    expect(parseCommand("xin chào #xong")).toBeNull();
    expect(parseCommand("")).toBeNull();
  });
});

describe("Composer", () => {
  it("the first handler that claims a message answers; later ones do not run", async () => {
    const seen: string[] = [];
    const c = new Composer()
      .filter(
        (x) => x.text.startsWith("Xin chào"),
        (x) => {
          seen.push("greeting");
          x.reply("hi");
        },
      )
      .use((x) => {
        seen.push("faq");
        x.reply("faq");
      });
    const x = ctx("Xin chào bot");
    await runComposer(c, x, () => void seen.push("fallback"));
    expect(seen).toEqual(["greeting"]);
  });

  it("the fallback runs when nothing claims the message", async () => {
    const c = new Composer().command("xong", (x) => x.reply("ok"));
    const x = ctx("thời tiết hôm nay");
    let fell = false;
    await runComposer(c, x, () => {
      fell = true;
    });
    expect(fell).toBe(true);
  });

  it("commands match without case or diacritics and expose their arguments", async () => {
    let args = "";
    const c = new Composer().command(["nhacnho"], (x) => {
      args = x.command!.args;
    });
    await runComposer(c, ctx("/Nhắcnhở TDP 5"), () => {});
    expect(args).toBe("TDP 5");
  });

  it("on() filters by event name and prefix", async () => {
    const seen: string[] = [];
    const c = new Composer().on("user_send_group_*", () => void seen.push("group")).on("follow", () => void seen.push("follow"));
    await runComposer(c, ctx("", "user_send_group_text"), () => {});
    await runComposer(c, ctx("", "follow"), () => {});
    await runComposer(c, ctx("", "unfollow"), () => void seen.push("fallback"));
    expect(seen).toEqual(["group", "follow", "fallback"]);
  });

  it("a middleware that calls next twice is an error", async () => {
    const c = new Composer().use(async (_x, next) => {
      await next();
      await next();
    });
    await expect(runComposer(c, ctx("x"), () => {})).rejects.toThrow(/more than once/);
  });
});
