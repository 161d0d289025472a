import type { Db } from "../db/database.js";

/**
 * What the webhook inbox and the outbox keep of a person's messages. On user_withdraw (the person
 * withdrew consent) their stored events and the replies to them are erased; events still pending stay,
 * so the withdrawal itself is handled.
 */
export class TranscriptStore {
  private readonly forgetInbox;
  private readonly forgetOutbox;

  constructor(private readonly db: Db) {
    this.forgetInbox = db.prepare(
      `DELETE FROM inbox WHERE status != 'pending' AND (
         conversation_key = 'user:' || @id
         OR json_extract(body, '$.sender.id') = @id
         OR json_extract(body, '$.follower.id') = @id)`,
    );
    this.forgetOutbox = db.prepare(
      "DELETE FROM outbox WHERE recipient_kind = 'user' AND recipient_id = @id AND status NOT IN ('pending','sending')",
    );
  }

  forgetUser(userId: string): { events: number; replies: number } {
    return this.db.transaction(() => ({
      replies: this.forgetOutbox.run({ id: userId }).changes,
      events: this.forgetInbox.run({ id: userId }).changes,
    }))();
  }
}
