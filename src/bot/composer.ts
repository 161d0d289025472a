import { foldKey } from "../text/fold.js";
import type { BotContext } from "./context.js";

export type NextFn = () => Promise<void>;
export type Middleware = (ctx: BotContext, next: NextFn) => unknown;
export type Predicate = (ctx: BotContext) => boolean;

/** A parsed chat command: "#xong Nguyễn Văn A, TDP 5" → { name: "xong", args: "Nguyễn Văn A, TDP 5" }. */
export interface Command {
  name: string;
  args: string;
}

const COMMAND = /^\s*[#/]\s*([\p{L}\p{N}_]+)(?:\s+([\s\S]*))?$/u;

/** Parses `#name args` or `/name args`; the name is folded (case and diacritics ignored). */
export function parseCommand(text: string): Command | null {
  const m = COMMAND.exec(text);
  if (!m) return null;
  return { name: foldKey(m[1]!), args: (m[2] ?? "").trim() };
}

function compose(stack: Middleware[]): (ctx: BotContext, next: NextFn) => Promise<void> {
  return async (ctx, last) => {
    let index = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= index) throw new Error("next() called more than once in one middleware");
      index = i;
      const mw = i === stack.length ? undefined : stack[i];
      if (!mw) return last();
      await mw(ctx, () => dispatch(i + 1));
    };
    await dispatch(0);
  };
}

/**
 * A small grammY-style middleware chain. A middleware that claims the message answers and does not call
 * next(); one that does not claim it calls next() so the following handlers get their turn.
 */
export class Composer {
  private readonly stack: Middleware[] = [];

  use(...mw: Middleware[]): this {
    this.stack.push(...mw);
    return this;
  }

  /** Runs mw only when pred holds; otherwise passes the message on. */
  filter(pred: Predicate, ...mw: Middleware[]): this {
    const inner = compose(mw);
    return this.use((ctx, next) => (pred(ctx) ? inner(ctx, next) : next()));
  }

  /** Events by exact name, or by prefix when the name ends with `*` (e.g. "user_send_group_*"). */
  on(events: string | string[], ...mw: Middleware[]): this {
    const list = Array.isArray(events) ? events : [events];
    const match = (name: string) => list.some((e) => (e.endsWith("*") ? name.startsWith(e.slice(0, -1)) : name === e));
    return this.filter((ctx) => match(ctx.eventName), ...mw);
  }

  /** Chat commands such as "#xong" or "/xong" (names given folded, without the prefix). */
  command(names: string | string[], ...mw: Middleware[]): this {
    const list = (Array.isArray(names) ? names : [names]).map(foldKey);
    const inner = compose(mw);
    return this.use((ctx, next) => {
      const cmd = ctx.text ? parseCommand(ctx.text) : null;
      if (!cmd || !list.includes(cmd.name)) return next();
      ctx.command = cmd;
      return inner(ctx, next);
    });
  }

  middleware(): (ctx: BotContext, next: NextFn) => Promise<void> {
    return compose([...this.stack]);
  }
}

/** Runs a composer over one context; `fallback` runs when no middleware claimed the message. */
export async function runComposer(composer: Composer, ctx: BotContext, fallback: Middleware): Promise<void> {
  await composer.middleware()(ctx, async () => {
    await fallback(ctx, async () => {});
  });
}
