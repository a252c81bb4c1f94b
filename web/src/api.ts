/**
 * The API as the UI sees it: response types (fields later pipeline stages add are optional,
 * the UI renders them when present) and fetch helpers. Every string here is untrusted article
 * content or derived from it: render as text only.
 */

export interface ArticleRef {
  id: string;
  source: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
}

export interface StoryListItem {
  id: string;
  title: string;
  articleCount: number;
  outletCount: number;
  outlets: string[];
  independentOrigins: number | null;
  conflictCount: number | null;
  firstPublished: string | null;
  lastPublished: string | null;
  thread: string | null;
  articles: ArticleRef[];
}

export interface StoryPage {
  stories: StoryListItem[];
  offset: number;
  limit: number;
  hasMore: boolean;
}

export interface Attribution {
  agency: string;
  cue: string;
  passage: string;
}

export interface Source {
  articleId: string;
  source: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  byline: string | null;
  agencies: string[];
  attributions: Attribution[];
  duplicateSources: string[];
}

export interface Origin {
  name: string;
  kind?: string;
  articles?: string[];
  /** Origins this one itself rests on (a wire resting on a state agency). */
  restsOn?: (string | { name: string })[];
}

export interface ProvenanceEdge {
  from: string;
  to: string;
  kind?: string;
  /** Why the edge was drawn. */
  why?: string;
}

export interface Provenance {
  origins?: Origin[];
  edges?: ProvenanceEdge[];
  independentOrigins?: number | unknown[];
}

export interface Claim {
  text: string;
  status?: string;
  independentSupport?: number;
  articles?: string[];
}

export interface ConflictValue {
  value: string;
  articles?: string[];
  passage?: string;
}

export interface Conflict {
  slot?: string;
  values?: ConflictValue[];
  /** Why the values were judged to disagree. */
  why?: string;
}

export interface BriefSentence {
  text: string;
  articles?: string[];
}

export interface Brief {
  headline?: string;
  sentences?: BriefSentence[];
}

export interface TimelineEntry {
  date?: string;
  text?: string;
  articles?: string[];
}

export interface EntityRef {
  id: string;
  name: string;
  type?: string;
  variants?: (string | { text: string; count?: number })[];
  articles?: string[];
}

export interface Quote {
  speaker?: string | { name?: string } | null;
  text?: string;
  variants?: (string | { text: string; articleId?: string; articles?: string[] })[];
  articles?: string[];
  storyId?: string;
  storyTitle?: string;
  date?: string | null;
}

export interface Decision {
  articleId: string;
  action: string;
  reason: string;
  score: { total: number } | null;
}

export interface Thread {
  id: string;
  storyIds: string[];
  reason: string;
}

export interface StoryDetail extends Omit<StoryListItem, 'outletCount' | 'outlets' | 'independentOrigins' | 'conflictCount'> {
  comparison: { sources?: Source[]; agencies?: { name: string; articles: string[] }[]; outlets?: string[] } & Record<string, unknown> | null;
  decisions: Decision[];
  threadInfo: Thread | null;
  threadStories: { id: string; title: string; firstPublished: string | null; lastPublished: string | null; articleCount: number }[];
  entities: EntityRef[];
  provenance?: Provenance;
  claims?: Claim[];
  conflicts?: Conflict[];
  brief?: Brief;
  timeline?: TimelineEntry[];
  quotes?: Quote[];
}

export interface Article {
  id: string;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  source: string;
  url: string | null;
  text: string;
  storyId: string | null;
}

export interface EntityPage {
  id: string;
  name: string;
  type: string;
  variants: { text: string; count: number }[];
  articleCount: number;
  articles: { id: string; title: string | null; source: string; outlet: string | null; published: string | null; storyId: string | null }[];
  stories: StoryListItem[];
  quotes: Quote[];
}

export interface SearchResult {
  articleId: string;
  storyId: string | null;
  title: string | null;
  source: string;
  outlet: string | null;
  published: string | null;
  parts: { text: string; match: boolean }[];
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
  entities: EntityRef[];
}

export interface Meta {
  writable: boolean;
  tokenRequired: boolean;
  maxUploadBytes: number;
  stats: { articles: number; stories: number; threads: number };
}

export interface AnalyzeSummary {
  read: number;
  unchanged: number;
  articles: number;
  duplicates: number;
  rejected: number;
  storiesTouched: string[];
  storiesCreated: number;
  diagnostics: { severity: string; origin: string; message: string; source?: string }[];
}

/** An error the API answered with. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GETs a JSON API path. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, err?.code ?? 'http', err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

/** Progress of an upload: bytes sent, then inputs processed. */
export type UploadProgress = { phase: 'uploading'; loaded: number; total: number } | { phase: 'processing'; done: number; total: number };

/**
 * Uploads files and follows the processing: XMLHttpRequest because it reports upload progress,
 * and its growing `responseText` lets us read the NDJSON progress lines as they arrive.
 */
export function uploadFiles(files: readonly File[], token: string, onProgress: (p: UploadProgress) => void): Promise<AnalyzeSummary> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/articles');
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    let seen = 0;
    let summary: AnalyzeSummary | null = null;
    let failure: ApiFailure | null = null;
    const readLines = (): void => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        let event: { event?: string; done?: number; total?: number; summary?: AnalyzeSummary; error?: { code: string; message: string } };
        try {
          event = JSON.parse(line) as typeof event;
        } catch {
          continue;
        }
        if (event.event === 'progress') onProgress({ phase: 'processing', done: event.done ?? 0, total: event.total ?? 0 });
        else if (event.event === 'done' && event.summary) summary = event.summary;
        else if (event.event === 'error' && event.error) failure = new ApiFailure(500, event.error.code, event.error.message);
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) => onProgress({ phase: 'uploading', loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onprogress = readLines;
    xhr.onerror = () => reject(new ApiFailure(0, 'network', 'the upload did not reach the server'));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let err: { code?: string; message?: string } | undefined;
        try {
          err = (JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string } }).error;
        } catch {
          err = undefined;
        }
        reject(new ApiFailure(xhr.status, err?.code ?? 'http', err?.message ?? `HTTP ${xhr.status}`));
        return;
      }
      readLines();
      if (failure) reject(failure);
      else if (summary) resolve(summary);
      else reject(new ApiFailure(500, 'incomplete', 'the server ended the upload without a summary'));
    };
    xhr.send(form);
  });
}

/** POSTs JSON to a write endpoint, with the access token the upload page stored, if any. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const token = sessionStorage.getItem('dossier-token') ?? '';
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, err?.code ?? 'http', err?.message ?? `HTTP ${res.status}`);
  }
  return data as T;
}
