import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/database.js";

export interface AdminSession {
  csrfToken: string;
  expiresAt: number;
}

export const SESSION_TTL_MS = 12 * 3600_000;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Dashboard sign-in sessions (admin_sessions). Times are real time, never BOT_NOW. */
export class AdminSessionStore {
  private readonly insertStmt;
  private readonly findStmt;
  private readonly deleteStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO admin_sessions (id_hash, csrf_token, token_fingerprint, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.findStmt = db.prepare(`SELECT csrf_token, token_fingerprint, expires_at FROM admin_sessions WHERE id_hash = ? AND expires_at > ?`);
    this.deleteStmt = db.prepare(`DELETE FROM admin_sessions WHERE id_hash = ?`);
    this.pruneStmt = db.prepare(`DELETE FROM admin_sessions WHERE expires_at <= ?`);
  }

  /** Starts a session; returns the cookie value (shown once) and its CSRF token. */
  create(adminToken: string, now = Date.now()): { id: string; session: AdminSession } {
    this.pruneStmt.run(now);
    const id = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(32).toString("base64url");
    const expiresAt = now + SESSION_TTL_MS;
    this.insertStmt.run(sha256(id), csrfToken, sha256(adminToken), now, expiresAt);
    return { id, session: { csrfToken, expiresAt } };
  }

  /** The live session for a cookie value, or null (unknown, expired, or signed in under another ADMIN_TOKEN). */
  find(id: string, adminToken: string, now = Date.now()): AdminSession | null {
    const row = this.findStmt.get(sha256(id), now) as { csrf_token: string; token_fingerprint: string; expires_at: number } | undefined;
    if (!row || row.token_fingerprint !== sha256(adminToken)) return null;
    return { csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  delete(id: string): void {
    this.deleteStmt.run(sha256(id));
  }
}
