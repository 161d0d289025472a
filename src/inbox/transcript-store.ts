import type { Db } from "../db/database.js";
import { NAME_PLACEHOLDER, type Person, type PersonalDataOwner, WORDS_PLACEHOLDER } from "../shared/personal-data.js";
import { replaceName } from "../text/name-mention.js";

/**
 * What the inbox and the outbox keep of a person. On #xoa or user_withdraw: their events are deleted (found by
 * inbox.user_id, filled at insert), the replies to them 1:1 deleted, the bot's group replies to them replaced
 * by a placeholder, and their name replaced in everyone else's messages and replies. Events still pending and
 * replies not yet sent stay, so the erasure request itself is handled and answered.
 */
export class TranscriptStore implements PersonalDataOwner {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      groupReplies: db.prepare(
        `UPDATE outbox SET text = @placeholder WHERE recipient_kind = 'group' AND status NOT IN ('pending','sending')
         AND inbox_id IN (SELECT id FROM inbox WHERE user_id = @id AND status != 'pending')`,
      ),
      replies: db.prepare(
        "DELETE FROM outbox WHERE recipient_kind = 'user' AND recipient_id = @id AND status NOT IN ('pending','sending')",
      ),
      events: db.prepare("DELETE FROM inbox WHERE user_id = @id AND status != 'pending'"),
      inboxMentions: db.prepare<{ name: string }, { id: number; body: string }>(
        `SELECT id, body FROM inbox WHERE status != 'pending' AND json_valid(body)
         AND mentions_name(json_extract(body, '$.message.text'), @name)`,
      ),
      setBody: db.prepare("UPDATE inbox SET body = ? WHERE id = ?"),
      outboxMentions: db.prepare<{ name: string }, { id: number; text: string }>(
        "SELECT id, text FROM outbox WHERE status NOT IN ('pending','sending') AND mentions_name(text, @name)",
      ),
      setText: db.prepare("UPDATE outbox SET text = ? WHERE id = ?"),
    };
  }

  forget(p: Person): { messages: number; replies: number; groupReplies: number; mentions: number } {
    const groupReplies = this.s.groupReplies.run({ id: p.id, placeholder: WORDS_PLACEHOLDER }).changes;
    const replies = this.s.replies.run({ id: p.id }).changes;
    const messages = this.s.events.run({ id: p.id }).changes;
    let mentions = 0;
    for (const name of p.names) {
      for (const r of this.s.inboxMentions.all({ name })) {
        const body = JSON.parse(r.body) as { message: { text: string } };
        body.message.text = replaceName(body.message.text, name, NAME_PLACEHOLDER);
        this.s.setBody.run(JSON.stringify(body), r.id);
        mentions++;
      }
      for (const r of this.s.outboxMentions.all({ name })) {
        this.s.setText.run(replaceName(r.text, name, NAME_PLACEHOLDER), r.id);
        mentions++;
      }
    }
    return { messages, replies, groupReplies, mentions };
  }
}
