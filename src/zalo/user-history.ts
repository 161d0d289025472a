import { HistoryReader, type HistoryReaderOptions } from "./conversation-history.js";

/**
 * The 1:1 conversation between the OA and a user, read back to settle a reply cut off by a crash:
 * GET /v2.0/oa/conversation?data={"user_id","offset","count"} (zalo-platform.md §3.6, ≤ 10 messages a page).
 */
export class ZaloUserHistory extends HistoryReader {
  constructor(o: HistoryReaderOptions) {
    super(o, {
      call: "oa/conversation",
      path: "/v2.0/oa/conversation",
      params: (id, offset, count) => ({ data: JSON.stringify({ user_id: id, offset, count }) }),
      maxPages: 3,
      idField: "userId",
      what: "reply",
      where: "conversation history",
    });
  }
}
