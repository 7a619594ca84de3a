/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Where the CMS serves its API, e.g. http://127.0.0.1:8000 (no trailing slash). */
  readonly CMS_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
