import { HistoryReader, type HistoryReaderOptions } from "./conversation-history.js";

export type { DeliveryAnswer, DeliveryCheck } from "./conversation-history.js";

/** A group's history: GET /v3.0/oa/group/conversation (zalo-platform.md §4), to settle a reminder cut off by a crash. */
export class ZaloGroupHistory extends HistoryReader {
  constructor(o: HistoryReaderOptions) {
    super(o, {
      call: "group/conversation",
      path: "/v3.0/oa/group/conversation",
      params: (id, offset, count) => ({ group_id: id, offset, count }),
      maxPages: 5,
      idField: "groupId",
      what: "reminder",
      where: "group history",
    });
  }
}
