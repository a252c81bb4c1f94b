/**
 * PostgreSQL schema, as an ordered list of migrations; `dossier_schema` records how many were
 * applied. Opening a store applies the missing ones under an advisory lock, so several workers
 * starting at once never race to create the same table or extension.
 *
 * Search uses a text-search configuration of its own: `simple` (no stemming, like SQLite's
 * unicode61 tokenizer, because articles come in many languages) behind `unaccent`, so "Orban"
 * finds "Orbán" and `ts_headline` still marks the accented word. `pg_trgm` indexes titles for
 * a fuzzy fallback when no word matches exactly (a misspelt name).
 *
 * Text columns that are sorted on are `COLLATE "C"` so that orderings are byte orderings, the
 * same as SQLite's, whatever the database's default collation.
 */
export const PG_MIGRATIONS: readonly string[] = [
  /* 1: the foundation schema */ `
  CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
  CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

  CREATE TEXT SEARCH CONFIGURATION dossier_search (COPY = pg_catalog.simple);
  ALTER TEXT SEARCH CONFIGURATION dossier_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH public.unaccent, simple;

  -- unaccent() is only STABLE (its dictionary could change); indexing needs IMMUTABLE.
  CREATE FUNCTION dossier_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

  CREATE TABLE raw_documents (
    seq bigserial,
    id text COLLATE "C" PRIMARY KEY,
    source text COLLATE "C" NOT NULL,
    body_format text,
    encoding text,
    bytes bytea,
    status text NOT NULL CHECK (status IN ('article', 'duplicate', 'rejected')),
    article_id text COLLATE "C",
    diagnostics text NOT NULL DEFAULT '[]',
    ingested_at text NOT NULL
  );
  CREATE INDEX raw_documents_article ON raw_documents(article_id);
  CREATE INDEX raw_documents_status ON raw_documents(status) WHERE status <> 'article';

  CREATE TABLE articles (
    seq bigserial UNIQUE,
    id text COLLATE "C" PRIMARY KEY,
    content_hash text COLLATE "C" NOT NULL UNIQUE,
    raw_id text NOT NULL,
    source text COLLATE "C" NOT NULL,
    title text,
    byline text,
    published text COLLATE "C",
    published_rule text,
    outlet text,
    language text,
    url text,
    text text NOT NULL,
    credits text NOT NULL DEFAULT '[]',
    strategy text NOT NULL,
    annotations text NOT NULL,
    features text NOT NULL,
    search tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('dossier_search', coalesce(title, '')), 'A') || setweight(to_tsvector('dossier_search', text), 'B')
    ) STORED
  );
  CREATE INDEX articles_published ON articles(published);
  CREATE INDEX articles_search ON articles USING gin(search);
  CREATE INDEX articles_title_trgm ON articles USING gin(dossier_fold(title) public.gin_trgm_ops);

  CREATE TABLE stories (
    id text COLLATE "C" PRIMARY KEY,
    title text NOT NULL,
    thread_id text COLLATE "C",
    comparison text
  );
  CREATE INDEX stories_thread ON stories(thread_id);

  CREATE TABLE story_articles (
    article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    story_id text COLLATE "C" NOT NULL REFERENCES stories(id),
    decision text NOT NULL,
    placed bigserial
  );
  CREATE INDEX story_articles_story ON story_articles(story_id, placed);

  CREATE TABLE threads (
    id text COLLATE "C" PRIMARY KEY,
    story_ids text NOT NULL,
    reason text NOT NULL
  );
  `,
  /* 2: near-duplicate copies and clustering corrections */ `
  CREATE TABLE article_copies (
    article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    original_id text COLLATE "C" NOT NULL REFERENCES articles(id),
    similarity double precision NOT NULL
  );
  CREATE INDEX article_copies_original ON article_copies(original_id);

  CREATE TABLE cluster_corrections (
    seq bigserial PRIMARY KEY,
    correction text NOT NULL,
    created_at text NOT NULL
  );
  `,
  /* 2: stale stories found without scanning the compared ones (as in SQLite's migration 3) */ `
  CREATE INDEX stories_stale ON stories(id) WHERE comparison IS NULL;
  `,
];
