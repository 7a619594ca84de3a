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
export type BodyBlock = TreatmentPage["body"][number];
export type Image = Schemas["Image"];

export const apiUrl = (import.meta.env.CMS_API_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");

export const api = createClient<paths>({ baseUrl: apiUrl });

/**
 * TypeScript narrows a union only on a property of the object itself, and pages carry their
 * type one level down (`meta.type`, as Wagtail's API does): this guard is the one place that
 * turns a `Detail` into the page type it names.
 */
export function isTreatmentPage(page: Detail): page is TreatmentPage {
  return page.meta.type === "treatments.TreatmentPage";
}

/** The API's answer, or an error naming the request (the build stops on it). */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) {
    throw new Error(`${what}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

/** Every live treatment page, with what a listing card shows. */
export async function treatmentPages() {
  const result = await api.GET("/api/v2/pages/", {
    params: { query: { type: "treatments.TreatmentPage", fields: "summary,hero_image", limit: 100 } },
  });
  return ok(result, "GET /api/v2/pages/?type=treatments.TreatmentPage").items;
}

/** One page, every field. */
export async function pageDetail(id: number): Promise<Detail> {
  return ok(await api.GET("/api/v2/pages/{id}/", { params: { path: { id } } }), `GET /api/v2/pages/${id}/`);
}

/** The JSON-LD document, safe to place inside a <script> element. */
export function jsonLd(document: unknown): string {
  return JSON.stringify(document).replace(/</g, "\\u003c");
}
