import type { Db } from "../db/database.js";

export interface StoredTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number;
  envFingerprint: string | null;
}

interface Row {
  access_token: string;
  refresh_token: string | null;
  expires_at: number;
  env_fingerprint: string | null;
}

/** The OA tokens in SQLite. Refresh tokens are single-use, so the rotated one is saved before use. */
export class TokenStore {
  private readonly getStmt;
  private readonly saveStmt;
  private readonly leaseStmt;
  private readonly releaseStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[], Row>("SELECT access_token, refresh_token, expires_at, env_fingerprint FROM zalo_tokens WHERE id = 1");
    this.saveStmt = db.prepare(
      `INSERT INTO zalo_tokens (id, access_token, refresh_token, expires_at, updated_at, env_fingerprint)
       VALUES (1, @accessToken, @refreshToken, @expiresAt, @now, @envFingerprint)
       ON CONFLICT(id) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
         expires_at = excluded.expires_at, updated_at = excluded.updated_at,
         env_fingerprint = COALESCE(excluded.env_fingerprint, zalo_tokens.env_fingerprint),
         lock_owner = NULL, lock_until = NULL`,
    );
    this.leaseStmt = db.prepare(
      `UPDATE zalo_tokens SET lock_owner = ?, lock_until = ?
       WHERE id = 1 AND (lock_until IS NULL OR lock_until < ? OR lock_owner = ?)`,
    );
    this.releaseStmt = db.prepare("UPDATE zalo_tokens SET lock_owner = NULL, lock_until = NULL WHERE id = 1 AND lock_owner = ?");
  }

  load(): StoredTokens | null {
    const r = this.getStmt.get();
    if (!r) return null;
    return {
      accessToken: r.access_token,
      refreshToken: r.refresh_token,
      expiresAt: r.expires_at,
      envFingerprint: r.env_fingerprint,
    };
  }

  /** One UPDATE: the new access and refresh tokens become durable together, and the lease is released. */
  save(t: Omit<StoredTokens, "envFingerprint"> & { envFingerprint?: string | null }, now: number): void {
    this.saveStmt.run({ ...t, envFingerprint: t.envFingerprint ?? null, now });
  }

  /** Takes the cross-process refresh lease; false when another process holds a live one. */
  tryLease(owner: string, now: number, ttlMs: number): boolean {
    return this.leaseStmt.run(owner, now + ttlMs, now, owner).changes === 1;
  }

  releaseLease(owner: string): void {
    this.releaseStmt.run(owner);
  }
}
