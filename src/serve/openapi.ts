/**
 * The OpenAPI 3.1 description of the API, served at `/api/openapi.json`. Written by hand next
 * to the routes: the API is small, and a reader should see the contract without a generator.
 */

const error = { $ref: '#/components/responses/Error' };
const json = (schema: object, description: string): object => ({ description, content: { 'application/json': { schema } } });
const ref = (name: string): object => ({ $ref: `#/components/schemas/${name}` });
const query = (name: string, description: string, schema: object = { type: 'string' }): object => ({ name, in: 'query', required: false, description, schema });
const pathId = (description: string): object => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' } });

/** The document (a fresh object each call, so callers may not mutate a shared one). */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dossier API',
      version: '0.1.0',
      description:
        'Stories, sources, provenance, claims, entities and search over a Dossier store. Errors are `{error: {code, message}}`. ' +
        'Write endpoints need `Authorization: Bearer <token>` when the server has a token, and are refused when it listens beyond 127.0.0.1 without one.',
    },
    paths: {
      '/api/stories': {
        get: {
          summary: 'List stories, newest first',
          parameters: [
            query('limit', 'page size (1–100, default 25)', { type: 'integer', minimum: 1, maximum: 100 }),
            query('offset', 'stories to skip', { type: 'integer', minimum: 0 }),
            query('from', 'only stories with an article on or after this date', { type: 'string', format: 'date' }),
            query('to', 'only stories with an article on or before this date', { type: 'string', format: 'date' }),
            query('outlet', 'only stories with an article from this outlet'),
            query('entity', 'only stories mentioning this entity (name or entity id)'),
            query('q', 'only stories whose articles match these words'),
            query('thread', 'only the stories of this thread'),
          ],
          responses: {
            200: json({ type: 'object', properties: { stories: { type: 'array', items: ref('StoryListItem') }, offset: { type: 'integer' }, limit: { type: 'integer' }, hasMore: { type: 'boolean' } } }, 'a page of stories'),
            400: error,
          },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story: everything `dossier story ID --json` returns, plus entities and the stories of its thread',
          parameters: [pathId('story id')],
          responses: { 200: json(ref('StoryDetail'), 'the story'), 404: error },
        },
      },
      '/api/stories/{id}/merge': {
        post: {
          summary: 'Merge other stories into this one (a clustering correction)',
          parameters: [pathId('story id')],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { stories: { type: 'array', items: { type: 'string' } } }, required: ['stories'] } } } },
          responses: { 200: json({ type: 'object' }, 'the merged story'), 400: error, 401: error, 403: error, 404: error },
        },
      },
      '/api/stories/{id}/split': {
        post: {
          summary: 'Move articles out of this story into a new one (a clustering correction)',
          parameters: [pathId('story id')],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { articles: { type: 'array', items: { type: 'string' } } }, required: ['articles'] } } } },
          responses: { 200: json({ type: 'object' }, 'the stories after the split'), 400: error, 401: error, 403: error, 404: error },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Upload files or JSON records and process them like `dossier analyze`',
          description: 'With `Accept: application/x-ndjson` the response streams `{event: "progress", done, total}` lines and ends with `{event: "done", summary}` (or `{event: "error", error}`).',
          parameters: [query('name', 'source name for a JSON or NDJSON body')],
          requestBody: {
            content: {
              'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } },
              'application/json': { schema: { oneOf: [ref('Record'), { type: 'array', items: ref('Record') }, { type: 'object', properties: { records: { type: 'array', items: ref('Record') } } }] } },
              'application/x-ndjson': { schema: { type: 'string' } },
            },
          },
          responses: { 200: json(ref('AnalyzeSummary'), 'the run summary'), 400: error, 401: error, 403: error, 413: error, 415: error },
        },
      },
      '/api/articles/{id}': {
        get: { summary: 'One article with its text and annotations', parameters: [pathId('article id')], responses: { 200: json({ type: 'object' }, 'the article'), 404: error } },
      },
      '/api/entities/{id}': {
        get: {
          summary: 'An entity: its spellings, the stories and articles it appears in over time, and its quotes',
          parameters: [pathId('entity id: its name key (folded, lower case), or a name')],
          responses: { 200: json(ref('Entity'), 'the entity'), 404: error },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search with highlighted snippets',
          parameters: [{ ...query('q', 'words to find (all must match)'), required: true }, query('limit', 'hits (1–100, default 20)', { type: 'integer' })],
          responses: { 200: json({ type: 'object', properties: { query: { type: 'string' }, results: { type: 'array', items: ref('SearchResult') }, entities: { type: 'array', items: ref('EntityRef') } } }, 'hits, best first'), 400: error },
        },
      },
      '/api/meta': { get: { summary: 'Store counts and whether writes are open', responses: { 200: json({ type: 'object' }, 'server facts') } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') } } },
    },
    components: {
      responses: {
        Error: json({ type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } }, required: ['error'] }, 'an error'),
      },
      schemas: {
        ArticleRef: { type: 'object', properties: { id: { type: 'string' }, source: { type: 'string' }, outlet: { type: ['string', 'null'] }, title: { type: ['string', 'null'] }, published: { type: ['string', 'null'] } } },
        StoryListItem: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            articleCount: { type: 'integer' },
            outletCount: { type: 'integer' },
            outlets: { type: 'array', items: { type: 'string' } },
            independentOrigins: { type: ['integer', 'null'], description: 'null until the comparison stage computes it' },
            conflictCount: { type: ['integer', 'null'] },
            firstPublished: { type: ['string', 'null'] },
            lastPublished: { type: ['string', 'null'] },
            thread: { type: ['string', 'null'] },
            articles: { type: 'array', items: ref('ArticleRef') },
          },
        },
        StoryDetail: {
          type: 'object',
          description: 'The story list fields plus `comparison` (sources side by side), `decisions` (why each article is here), `threadInfo`, `threadStories`, `entities`; and, when the comparison stage provides them, `provenance`, `claims`, `conflicts`, `brief`, `timeline`, `quotes`.',
          properties: { id: { type: 'string' }, title: { type: 'string' }, comparison: { type: ['object', 'null'] }, decisions: { type: 'array' }, threadInfo: { type: ['object', 'null'] }, entities: { type: 'array', items: ref('EntityRef') } },
        },
        EntityRef: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, variants: { type: 'array', items: { type: 'string' } }, articles: { type: 'array', items: { type: 'string' } } } },
        Entity: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, variants: { type: 'array' }, articles: { type: 'array' }, stories: { type: 'array', items: ref('StoryListItem') }, quotes: { type: 'array' } } },
        SearchResult: {
          type: 'object',
          properties: {
            articleId: { type: 'string' },
            storyId: { type: ['string', 'null'] },
            title: { type: ['string', 'null'] },
            outlet: { type: ['string', 'null'] },
            published: { type: ['string', 'null'] },
            snippet: { type: 'string', description: 'matches wrapped in [ ]' },
            parts: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, match: { type: 'boolean' } } }, description: 'the snippet as plain-text parts; render as text, never as HTML' },
          },
        },
        Record: { type: 'object', properties: { text: { type: 'string' }, html: { type: 'string' }, url: { type: 'string' }, title: { type: 'string' }, published: { type: 'string' }, outlet: { type: 'string' }, byline: { type: 'string' } } },
        AnalyzeSummary: { type: 'object', properties: { read: { type: 'integer' }, unchanged: { type: 'integer' }, articles: { type: 'integer' }, duplicates: { type: 'integer' }, rejected: { type: 'integer' }, storiesTouched: { type: 'array', items: { type: 'string' } }, storiesCreated: { type: 'integer' }, diagnostics: { type: 'array' } } },
      },
    },
  };
}
