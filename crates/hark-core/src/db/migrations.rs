//! The schema, as a list of migrations. Each runs once, in a transaction, and moves
//! `user_version` to its number; a database from a newer Hark is left untouched.

use std::path::Path;

use rusqlite::Connection;

use super::error::DbError;

/// Migration `n` (1-based) takes the schema from version `n - 1` to `n`.
const MIGRATIONS: &[&str] = &[
    // 1: profiles (non-secret fields only), the send history, and the sandbox profile
    // every new data folder starts with (`profile::SANDBOX_ID`).
    "
    CREATE TABLE profiles (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        platform    TEXT NOT NULL,
        fields      TEXT NOT NULL DEFAULT '{}',
        secrets     TEXT NOT NULL DEFAULT '[]',
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
    );
    CREATE TABLE sends (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id      TEXT NOT NULL,
        profile_name    TEXT NOT NULL,
        platform        TEXT NOT NULL,
        recipient       TEXT NOT NULL,
        source          TEXT,
        note_path       TEXT NOT NULL,
        note_format     TEXT NOT NULL,
        note_bytes      INTEGER NOT NULL,
        duration_ms     INTEGER NOT NULL,
        options         TEXT NOT NULL DEFAULT '{}',
        status          TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        owner_pid       INTEGER,
        attempts        INTEGER NOT NULL DEFAULT 0,
        message_id      TEXT,
        media_id        TEXT,
        receipt         TEXT,
        error_code      TEXT,
        error_message   TEXT,
        error_remedy    TEXT,
        error_retryable INTEGER,
        raw_code        TEXT,
        raw_message     TEXT,
        created_at      INTEGER NOT NULL,
        attempted_at    INTEGER,
        finished_at     INTEGER,
        updated_at      INTEGER NOT NULL
    );
    CREATE INDEX sends_by_recipient ON sends (profile_id, recipient, attempted_at);
    CREATE INDEX sends_by_time ON sends (created_at);
    INSERT INTO profiles (id, name, platform, fields, secrets, created_at, updated_at)
    VALUES ('sandbox', 'Sandbox', 'sandbox', '{}', '[]',
            CAST(strftime('%s', 'now') AS INTEGER) * 1000,
            CAST(strftime('%s', 'now') AS INTEGER) * 1000);
    ",
    // 2: what the last check of each account found (its status dot).
    "
    ALTER TABLE profiles ADD COLUMN checked_at INTEGER;
    ALTER TABLE profiles ADD COLUMN check_error TEXT;
    ALTER TABLE profiles ADD COLUMN check_detail TEXT;
    ",
    // 3: settings (never a secret), one row per key.
    "
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    ",
    // 4: an honest outcome for every send. `unknown` is a send whose message call may
    // have reached the platform without an answer Hark could read; `stage` is how far
    // a send got (queued → preparing: token and upload → message: the call that creates
    // the message → answered), written before each step, so that a row left by a dead
    // process says whether the platform may have the note. A row found `sending` from
    // before this migration may have been past its message call: `message`.
    "
    CREATE TABLE sends_v4 (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id      TEXT NOT NULL,
        profile_name    TEXT NOT NULL,
        platform        TEXT NOT NULL,
        recipient       TEXT NOT NULL,
        source          TEXT,
        note_path       TEXT NOT NULL,
        note_format     TEXT NOT NULL,
        note_bytes      INTEGER NOT NULL,
        duration_ms     INTEGER NOT NULL,
        options         TEXT NOT NULL DEFAULT '{}',
        status          TEXT NOT NULL
                        CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'unknown')),
        stage           TEXT NOT NULL DEFAULT 'queued'
                        CHECK (stage IN ('queued', 'preparing', 'message', 'answered')),
        owner_pid       INTEGER,
        attempts        INTEGER NOT NULL DEFAULT 0,
        message_id      TEXT,
        media_id        TEXT,
        receipt         TEXT,
        error_code      TEXT,
        error_message   TEXT,
        error_remedy    TEXT,
        error_retryable INTEGER,
        raw_code        TEXT,
        raw_message     TEXT,
        created_at      INTEGER NOT NULL,
        attempted_at    INTEGER,
        finished_at     INTEGER,
        updated_at      INTEGER NOT NULL
    );
    INSERT INTO sends_v4 (id, profile_id, profile_name, platform, recipient, source,
        note_path, note_format, note_bytes, duration_ms, options, status, stage, owner_pid,
        attempts, message_id, media_id, receipt, error_code, error_message, error_remedy,
        error_retryable, raw_code, raw_message, created_at, attempted_at, finished_at,
        updated_at)
    SELECT id, profile_id, profile_name, platform, recipient, source, note_path,
        note_format, note_bytes, duration_ms, options, status,
        CASE status WHEN 'queued' THEN 'queued' WHEN 'sending' THEN 'message'
                    ELSE 'answered' END,
        owner_pid, attempts, message_id, media_id, receipt, error_code, error_message,
        error_remedy, error_retryable, raw_code, raw_message, created_at, attempted_at,
        finished_at, updated_at
    FROM sends;
    DROP TABLE sends;
    ALTER TABLE sends_v4 RENAME TO sends;
    CREATE INDEX sends_by_recipient ON sends (profile_id, recipient, attempted_at);
    CREATE INDEX sends_by_time ON sends (created_at);
    ",
    // 5: a send's error in the catalog's words (JSON), so that the history says it in
    // the reader's language; `error_message` and `error_remedy` keep its English.
    "
    ALTER TABLE sends ADD COLUMN error_said TEXT;
    ",
    // 6: what an account's last check said, in the catalog's words (JSON), so that the
    // account list says it in the reader's language; `check_detail` keeps its English.
    "
    ALTER TABLE profiles ADD COLUMN check_said TEXT;
    ",
    // 7: each account's contacts. `platform_id` is the recipient as the platform wants
    // it; `named` is set when the agent named it in Hark (an import then keeps that
    // name); `last_heard_at` is when the platform says they last wrote (ms).
    "
    CREATE TABLE contacts (
        id            INTEGER PRIMARY KEY,
        profile_id    TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        platform_id   TEXT NOT NULL,
        name          TEXT,
        note          TEXT,
        origin        TEXT NOT NULL,
        named         INTEGER NOT NULL DEFAULT 0,
        last_heard_at INTEGER,
        created_at    INTEGER NOT NULL,
        UNIQUE (profile_id, platform_id)
    );
    ",
    // 8: how far a sent note got where the platform says (a gateway's acks:
    // `delivered`, `read`, `played`), asked after the send.
    "
    ALTER TABLE sends ADD COLUMN reached TEXT;
    ",
    // 9: the local send API (`hark serve`). `api_keys` keeps a key's SHA-256 only (the
    // key is shown once). `api_sends` is the API's queue: a request is written here
    // before it is answered, so a send accepted survives a crash; `send_id` is its row
    // in the history once it has one. A `session` request's credentials are never
    // written: `account` keeps only its non-secret fields. `(key_id, idempotency_key)`
    // finds the first send of a retried request. `sends.api_send` marks a send that
    // came through the API.
    "
    CREATE TABLE api_keys (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        prefix       TEXT NOT NULL,
        hash         TEXT NOT NULL UNIQUE,
        created_at   INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at   INTEGER
    );
    CREATE TABLE api_sends (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        id              TEXT NOT NULL UNIQUE,
        key_id          TEXT NOT NULL,
        idempotency_key TEXT,
        fingerprint     TEXT NOT NULL,
        platform        TEXT NOT NULL,
        recipient       TEXT NOT NULL,
        profile         TEXT,
        account         TEXT,
        audio_url       TEXT,
        audio_file      TEXT,
        tag             TEXT,
        callback_url    TEXT,
        status          TEXT NOT NULL,
        send_id         INTEGER,
        receipt         TEXT,
        error           TEXT,
        callback        TEXT,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        UNIQUE (key_id, idempotency_key)
    );
    CREATE INDEX api_sends_by_status ON api_sends (status, seq);
    ALTER TABLE sends ADD COLUMN api_send TEXT;
    ",
    // 10: a send that was sent again (a resend, or the API's queue after a stop) names
    // the send that did it, and offers no resend of its own.
    "
    ALTER TABLE sends ADD COLUMN resent_as INTEGER;
    ",
];

pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub fn migrate(conn: &mut Connection, path: &Path) -> Result<(), DbError> {
    let err = |source| DbError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let found: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(err)?;
    if found > SCHEMA_VERSION {
        return Err(DbError::TooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let version = index as u32 + 1;
        let tx = conn.transaction().map_err(err)?;
        tx.execute_batch(sql).map_err(err)?;
        tx.pragma_update(None, "user_version", version)
            .map_err(err)?;
        tx.commit().map_err(err)?;
    }
    Ok(())
}
