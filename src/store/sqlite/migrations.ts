/**
 * SQLite schema, as an ordered list of migrations. `PRAGMA user_version` records how many were
 * applied; each runs in its own transaction, so a crash never leaves a half-migrated file.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: the foundation schema */ `
  CREATE TABLE raw_documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    body_format TEXT,
    encoding TEXT,
    bytes BLOB,
    status TEXT NOT NULL CHECK (status IN ('article', 'duplicate', 'rejected')),
    article_id TEXT,
    diagnostics TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX raw_documents_article ON raw_documents(article_id);
  CREATE INDEX raw_documents_status ON raw_documents(status);

  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    raw_id TEXT NOT NULL,
    source TEXT NOT NULL,
    title TEXT,
    byline TEXT,
    published TEXT,
    published_rule TEXT,
    outlet TEXT,
    language TEXT,
    url TEXT,
    text TEXT NOT NULL,
    credits TEXT NOT NULL DEFAULT '[]',
    strategy TEXT NOT NULL,
    annotations TEXT NOT NULL,
    features TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles(published);

  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    thread_id TEXT,
    comparison TEXT
  );
  CREATE INDEX stories_thread ON stories(thread_id);

  CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id TEXT NOT NULL REFERENCES stories(id),
    decision TEXT NOT NULL
  );
  CREATE INDEX story_articles_story ON story_articles(story_id);

  CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    story_ids TEXT NOT NULL,
    reason TEXT NOT NULL
  );

  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
  );
  `,
  /* 2: near-duplicate copies and clustering corrections */ `
  CREATE TABLE article_copies (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    original_id TEXT NOT NULL REFERENCES articles(id),
    similarity REAL NOT NULL
  );
  CREATE INDEX article_copies_original ON article_copies(original_id);

  CREATE TABLE cluster_corrections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    correction TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  /* 3: stale stories found without scanning the compared ones (a full scan per chunk made comparing quadratic) */ `
  CREATE INDEX stories_stale ON stories(id) WHERE comparison IS NULL;
  `,
];
