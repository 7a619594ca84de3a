/**
 * The typed API client: every type here comes from the CMS's OpenAPI document
 * (`npm run types` writes ./schema.d.ts), none is written by hand.
 */
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
type DetailPath = paths["/api/v2/pages/{id}/"]["get"];
/** Any page the detail endpoint serves: a union discriminated on `meta.type`. */
export type Detail = DetailPath["responses"][200]["content"]["application/json"];
/** Exactly the treatment page's schema. */
export type TreatmentPage = Extract<Detail, { meta: { type: "treatments.TreatmentPage" } }>;
/** A treatment page's body: present unless a `?fields=` selection left it out. */
export type BodyBlock = NonNullable<TreatmentPage["body"]>[number];

export const apiUrl = (import.meta.env.CMS_API_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");

export const api = createClient<paths>({ baseUrl: apiUrl });

type Listing = paths["/api/v2/pages/"]["get"]["responses"][200]["content"]["application/json"];
/** A page as the listing serves it (the same union, with the fields a `?fields=` asked for). */
export type ListedPage = Listing["items"][number];

/**
 * TypeScript narrows a union only on a property of the object itself, and pages carry their
 * type one level down (`meta.type`, as Wagtail's API does): this guard is the one place that
 * turns a page from the detail, the listing or the preview into the page type it names.
 */
export function isTreatmentPage<P extends { meta: { type: string } }>(
  page: P,
): page is Extract<P, { meta: { type: "treatments.TreatmentPage" } }> {
  return page.meta.type === "treatments.TreatmentPage";
}

/** The API's answer, or an error naming the request (the build stops on it). */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) {
    throw new Error(`${what}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

/** Every live treatment page, every field: one request per page of 20 (the API's limit). */
export async function treatmentPages() {
  const pages = [];
  for (let offset = 0; ; offset += 20) {
    const query = { type: "treatments.TreatmentPage", fields: "*", limit: 20, offset };
    const listing = ok(await api.GET("/api/v2/pages/", { params: { query } }), "GET /api/v2/pages/");
    pages.push(...listing.items.filter(isTreatmentPage));
    if (listing.items.length < 20 || pages.length >= listing.meta.total_count) return pages;
  }
}

/** The page a path shows, every field, in one request; null when no live public page has it. */
export async function pageByPath(htmlPath: string): Promise<ListedPage | null> {
  const query = { html_path: htmlPath, fields: "*" };
  const listing = ok(await api.GET("/api/v2/pages/", { params: { query } }), `GET /api/v2/pages/?html_path=${htmlPath}`);
  return listing.items[0] ?? null;
}

/** The JSON-LD document, safe to place inside a <script> element. */
export function jsonLd(document: unknown): string {
  return JSON.stringify(document).replace(/</g, "\\u003c");
}
