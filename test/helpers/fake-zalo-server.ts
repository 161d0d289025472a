import { createServer, type IncomingMessage, type Server } from "node:http";

/** One message the fake Zalo received. */
export interface ReceivedMessage {
  /** "anonymous": POST /v2.0/oa/message to someone chatting without following the OA. */
  kind: "user" | "group" | "anonymous";
  /** user_id, group_id, or anonymous_id. */
  to: string;
  /** The anonymous chat's conversation_id (kind "anonymous" only). */
  conversationId?: string;
  text: string;
  token: string | undefined;
  at: number;
}

/** What the fake answers: a JSON body (HTTP 200 unless `status`), optionally after a delay; only a delay = success. */
export interface FakeAnswer {
  status?: number;
  body?: unknown;
  delayMs?: number;
}

export type Responder = (m: ReceivedMessage, nth: number) => FakeAnswer | undefined;

export interface FakeZalo {
  /** Base URL for ZALO_API_BASE_URL and ZALO_OAUTH_BASE_URL. */
  url: string;
  /** Messages answered with success (error 0). */
  delivered: ReceivedMessage[];
  /** Every send request, whatever the answer. */
  requests: ReceivedMessage[];
  refreshCalls: number;
  /** Change the answers mid-run (e.g. -32 for a while). Returning undefined means success. */
  respond(fn: Responder | null): void;
  /**
   * Refuse 1:1 sends to this user as Zalo does for quota/window reasons: -230 (no interaction in 7 days,
   * the default), -232 (never interacted), -218 (user's receive quota), -211 (OA out of quota).
   */
  refuseUser(userId: string, code?: -211 | -218 | -230 | -232): void;
  /**
   * Answer group sends to this group as Zalo does for a GMF group whose asset lapsed: -237 "group disabled"
   * (developers.zalo.me phu-luc/ma-loi; nhom-chat-gmf/quan-ly/get_group_info: status "disabled").
   */
  disableGroup(groupId: string, disabled?: boolean): void;
  /** Members of a group and its asset's limit, as GET /v3.0/oa/group/getgroup answers them (default 3 of 50, gmf50). */
  groupMembers(groupId: string, total: number, max: 10 | 50 | 100): void;
  /** Tokens accepted; any other gets -216. Default: any token. */
  acceptTokens(tokens: string[] | null): void;
  /** Token pair the next refresh returns. */
  nextTokens(access: string, refresh: string): void;
  /** Calls to GET /v3.0/oa/group/conversation (group history) and /v2.0/oa/conversation (1:1 history). */
  historyCalls: number;
  /** Answer history requests yourself (by group id, or user id for 1:1); undefined = the delivered messages, newest first. */
  respondHistory(fn: ((groupId: string) => FakeAnswer | undefined) | null): void;
  close(): Promise<void>;
}

/** Zalo's wording for the quota/window refusals (phu-luc/ma-loi). */
const REFUSALS: Record<number, string> = {
  [-211]: "Out of quota",
  [-218]: "Out of quota receive",
  [-230]: "User has not interacted with the OA in the past 7 days",
  [-232]: "User has not interacted with the OA, or the last interaction has expired",
};

/** Most messages one group history page holds, whatever the count asked. */
export const GROUP_HISTORY_PAGE = 5;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A local stand-in for the Zalo OA API on port 0: POST /v3.0/oa/message/cs, /v3.0/oa/group/message,
 * /v4/oa/access_token and GET /v3.0/oa/group/conversation (a group's history: the messages delivered to it,
 * newest first, as `{src: 0, time, type, message, message_id, group_id}`) and GET /v2.0/oa/conversation
 * (the same for a user: `data={"user_id","offset","count"}`). It records every message and
 * answers as told: Zalo error codes in a 200 body (-32, -403, -216...), HTTP 5xx, or slow answers.
 * A message counts as delivered (and shows in the history) the moment it is received, as at Zalo.
 */
export async function startFakeZalo(): Promise<FakeZalo> {
  let responder: Responder | null = null;
  let historyResponder: ((groupId: string) => FakeAnswer | undefined) | null = null;
  const ids = new Map<ReceivedMessage, string>();
  let accepted: Set<string> | null = null;
  let tokens = { access: "fake-access-2", refresh: "fake-refresh-2" };
  let nth = 0;
  const refused = new Map<string, number>();
  const disabledGroups = new Set<string>();
  const members = new Map<string, { total: number; max: number }>();
  /** Free replies used per user: Zalo allows 8 within 48 h of the user's last message (quota_type "reply"). */
  const freeUsed = new Map<string, number>();
  const fake: Omit<FakeZalo, "url" | "close"> & { url?: string } = {
    delivered: [],
    requests: [],
    refreshCalls: 0,
    historyCalls: 0,
    respondHistory: (fn) => {
      historyResponder = fn;
    },
    respond: (fn) => {
      responder = fn;
    },
    acceptTokens: (t) => {
      accepted = t ? new Set(t) : null;
    },
    refuseUser: (userId, code = -230) => {
      refused.set(userId, code);
    },
    groupMembers: (groupId, total, max) => {
      members.set(groupId, { total, max });
    },
    disableGroup: (groupId, disabled = true) => {
      if (disabled) disabledGroups.add(groupId);
      else disabledGroups.delete(groupId);
    },
    nextTokens: (access, refresh) => {
      tokens = { access, refresh };
    },
  };
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const send = (a: FakeAnswer) => {
      const out = () => {
        res.writeHead(a.status ?? 200, { "content-type": "application/json" });
        res.end(JSON.stringify(a.body ?? {}));
      };
      if (a.delayMs) setTimeout(out, a.delayMs);
      else out();
    };
    if (req.url === "/v4/oa/access_token") {
      fake.refreshCalls++;
      if (accepted) accepted.add(tokens.access);
      return send({ body: { access_token: tokens.access, refresh_token: tokens.refresh, expires_in: "90000" } });
    }
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.method === "GET" && url.pathname === "/v3.0/oa/group/conversation") {
      fake.historyCalls++;
      const token = req.headers.access_token as string | undefined;
      if (accepted && (!token || !accepted.has(token))) return send({ body: { error: -216, message: "Access token is invalid" } });
      const groupId = url.searchParams.get("group_id") ?? "";
      const programmed = historyResponder?.(groupId);
      if (programmed) return send(programmed);
      const offset = Number(url.searchParams.get("offset") ?? 0);
      // Zalo documents a default page of 5 and no maximum (nhom-chat-gmf/quan-ly/group_conversation); the fake
      // never answers more than 5, whatever is asked, so the reader must page by what it gets.
      const count = Math.min(GROUP_HISTORY_PAGE, Number(url.searchParams.get("count") ?? GROUP_HISTORY_PAGE));
      const data = fake.delivered
        .filter((m) => m.kind === "group" && m.to === groupId)
        .reverse()
        .slice(offset, offset + count)
        .map((m) => ({ src: 0, time: m.at, type: "text", message: m.text, message_id: ids.get(m), group_id: groupId }));
      return send({ body: { error: 0, message: "Success", data } });
    }
    if (req.method === "GET" && url.pathname === "/v3.0/oa/group/getgroup") {
      // nhom-chat-gmf/quan-ly/get_group_info: group_info (status enabled/disabled, total_member, max_member) and
      // asset_info (asset_type gmf10/gmf50/gmf100, the member limit).
      const groupId = url.searchParams.get("group_id") ?? "";
      const m = members.get(groupId) ?? { total: 3, max: 50 };
      const group_info = {
        group_id: groupId,
        group_link: `https://zalo.me/g/${groupId}`,
        name: `Nhóm ${groupId}`,
        status: disabledGroups.has(groupId) ? "disabled" : "enabled",
        total_member: m.total,
        max_member: m.max,
      };
      const asset_info = { asset_type: `gmf${m.max}`, asset_id: `asset-${groupId}`, valid_through: "31/12/2026", auto_renew: false };
      return send({ body: { error: 0, message: "Success", data: { group_info, asset_info } } });
    }
    if (req.method === "GET" && url.pathname === "/v2.0/oa/conversation") {
      // 1:1 history: data={"user_id","offset","count"}; what the OA sent this user, newest first.
      fake.historyCalls++;
      const token = req.headers.access_token as string | undefined;
      if (accepted && (!token || !accepted.has(token))) return send({ body: { error: -216, message: "Access token is invalid" } });
      let q: { user_id?: unknown; offset?: unknown; count?: unknown } = {};
      try {
        q = JSON.parse(url.searchParams.get("data") ?? "{}") as typeof q;
      } catch {
        return send({ body: { error: -201, message: "data is not JSON" } });
      }
      const userId = String(q.user_id ?? "");
      const programmed = historyResponder?.(userId);
      if (programmed) return send(programmed);
      const offset = Number(q.offset ?? 0);
      const count = Math.min(10, Number(q.count ?? 5));
      const data = fake.delivered
        .filter((m) => m.kind === "user" && m.to === userId)
        .reverse()
        .slice(offset, offset + count)
        .map((m) => ({ src: 0, time: m.at, type: "text", message: m.text, message_id: ids.get(m), to_id: userId }));
      return send({ body: { error: 0, message: "Success", data } });
    }
    // Anonymous chats: recipient {anonymous_id, conversation_id} on /v2.0/oa/message
    // (developers.zalo.me official-account/tin-nhan/cac-loai-tin-khac/gui-tin-nhan-van-ban-den-nguoi-dung-an-danh).
    const kind =
      req.url === "/v3.0/oa/message/cs"
        ? "user"
        : req.url === "/v3.0/oa/group/message"
          ? "group"
          : req.url === "/v2.0/oa/message"
            ? "anonymous"
            : null;
    if (!kind) return send({ status: 404, body: { error: -201, message: "unknown path" } });
    let body: {
      recipient?: { user_id?: string; group_id?: string; anonymous_id?: string; conversation_id?: string };
      message?: { text?: string };
    };
    try {
      body = JSON.parse(raw);
    } catch {
      return send({ status: 400, body: { error: -201, message: "bad json" } });
    }
    const token = req.headers.access_token as string | undefined;
    const m: ReceivedMessage = {
      kind,
      to: String(
        (kind === "user" ? body.recipient?.user_id : kind === "group" ? body.recipient?.group_id : body.recipient?.anonymous_id) ?? "",
      ),
      ...(kind === "anonymous" ? { conversationId: String(body.recipient?.conversation_id ?? "") } : {}),
      text: String(body.message?.text ?? ""),
      token,
      at: Date.now(),
    };
    fake.requests.push(m);
    if (accepted && (!token || !accepted.has(token))) return send({ body: { error: -216, message: "Access token is invalid" } });
    if (kind === "anonymous" && (!m.to || !m.conversationId)) return send({ body: { error: -201, message: "recipient is invalid!" } });
    const refusal = kind === "user" ? refused.get(m.to) : undefined;
    if (refusal !== undefined) return send({ body: { error: refusal, message: REFUSALS[refusal] ?? "refused" } });
    if (kind === "group" && disabledGroups.has(m.to)) return send({ body: { error: -237, message: "Group is disabled" } });
    const answer = responder?.(m, ++nth);
    if (answer && (answer.body !== undefined || answer.status !== undefined)) return send(answer);
    // No answer, or only a delay: success, recorded when received.
    fake.delivered.push(m);
    ids.set(m, `fm-${fake.requests.length}`);
    const recipient =
      kind === "user"
        ? { user_id: m.to, quota: quotaFor(m.to) }
        : kind === "group"
          ? { group_id: m.to }
          : { anonymous_id: m.to, conversation_id: m.conversationId };
    send({ delayMs: answer?.delayMs, body: { error: 0, message: "Success", data: { message_id: ids.get(m), ...recipient } } });
  });
  /**
   * data.quota of a cs send (official-account/tin-nhan/tin-tu-van/gui-tin-tu-van-dang-van-ban): the 8 free
   * replies first ("reply", remain/total as strings), then the OA package's allowance ("sub_quota").
   */
  function quotaFor(userId: string) {
    const used = (freeUsed.get(userId) ?? 0) + 1;
    freeUsed.set(userId, used);
    if (used <= 8) return { quota_type: "reply", remain: String(8 - used), total: "8" };
    return { quota_type: "sub_quota", remain: "1990", total: "2000", expired_date: "31/12/2026" };
  }
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  return Object.assign(fake, {
    url,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  }) as FakeZalo;
}
