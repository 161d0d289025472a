import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** One HTTP exchange as the Zalo transport makes it: JSON or a form body, query parameters, a total timeout. */
export interface HttpCall {
  url: string;
  method: "GET" | "POST";
  params?: Record<string, string | number>;
  /** A string goes as is (a form body); anything else as JSON. */
  data?: unknown;
  headers?: Record<string, string>;
  /** From the start of the call to the end of the answer, in ms. */
  timeout?: number;
}

/** The answer of any status; `data` is the parsed JSON body, or its text when it is not JSON. */
export interface HttpAnswer {
  status: number;
  statusText: string;
  data: unknown;
}

export type HttpCaller = (call: HttpCall) => Promise<HttpAnswer>;

/** Failed with no answer (refused, reset, timed out): `code` as Node names it (ECONNABORTED for the timeout). */
export class HttpCallError extends Error {
  override readonly name = "HttpCallError";
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Node's http/https with their keep-alive agents and no redirects (the OA API never redirects): what each send
 * needs and nothing more. axios did the same at several times the CPU per call (config merging, interceptors,
 * adapters: about a tenth of the answering thread's time in the bench:webhook profile).
 */
export function httpCall(defaultTimeoutMs: number): HttpCaller {
  return (call) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const url = new URL(call.url);
      for (const [k, v] of Object.entries(call.params ?? {})) url.searchParams.set(k, String(v));
      const body = call.data === undefined ? undefined : typeof call.data === "string" ? call.data : JSON.stringify(call.data);
      const headers: Record<string, string | number> = { accept: "application/json, text/plain, */*", ...call.headers };
      if (body !== undefined) headers["content-length"] = Buffer.byteLength(body);
      const timeout = call.timeout ?? defaultTimeoutMs;
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      let settled = false;
      const fail = (err: Error & { code?: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(new HttpCallError(err.message, err.code, { cause: err }));
      };
      const req = send(url, { method: call.method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", fail);
        res.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString("utf8");
          let data: unknown = text === "" ? undefined : text;
          try {
            if (text !== "") data = JSON.parse(text);
          } catch {
            // not JSON: the text
          }
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", data });
        });
      });
      const timer = setTimeout(() => {
        const err = Object.assign(new Error(`timeout of ${timeout}ms exceeded`), { code: "ECONNABORTED" });
        fail(err);
        req.destroy(err);
      }, timeout);
      req.on("error", fail);
      req.end(body);
    });
}
