// A small client of the pages API, compiled by tests/api/test_typescript_client.py against types
// that openapi-typescript generates from the OpenAPI document (api.d.ts, written by the test).
// It must compile under `tsc --strict` with no cast (`as`) and no non-null assertion (`!`).
import type { components, paths } from "./api";

type Schemas = components["schemas"];
type Json<R> = R extends { content: { "application/json": infer T } } ? T : never;

/** One page from `GET /api/v2/pages/{id}/`: a union of one schema per page type. */
export type Detail = Json<paths["/api/v2/pages/{id}/"]["get"]["responses"][200]>;
/** One item of `GET /api/v2/pages/?html_path=...`: the same union. */
export type ListingItem = Json<paths["/api/v2/pages/"]["get"]["responses"][200]>["items"][number];
export type TreatmentPage = Schemas["treatments.TreatmentPage"];

// Extract<Detail, {meta: {type: "treatments.TreatmentPage"}}> is exactly the treatment page's
// schema: no catch-all member with `type: string` matches too.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exact: Equals<Extract<Detail, { meta: { type: "treatments.TreatmentPage" } }>, TreatmentPage> = true;
const sameItems: Equals<ListingItem, Detail> = true;
export const checks = [exact, sameItems];

/** TypeScript narrows a union only on a property of the object itself: this guard narrows on `meta.type`. */
export function isPageOfType<K extends Detail["meta"]["type"]>(
  page: Detail,
  type: K,
): page is Extract<Detail, { meta: { type: K } }> {
  return page.meta.type === type;
}

type Block = NonNullable<TreatmentPage["body"]>[number];

/** One line per block: a switch over every block type, checked exhaustive by the compiler. */
export function blockLine(block: Block): string {
  switch (block.type) {
    case "overview":
      return block.value.heading;
    case "what_to_expect":
      return `${block.value.heading} (${block.value.anesthesia})`;
    case "candidate_criteria":
      return block.value.contraindications.join("; ");
    case "dosage":
      return `${block.value.typical_min}-${block.value.typical_max} ${block.value.unit_name}`;
    case "safety":
      return block.value.claims.map((claim) => `${claim.claim} (${claim.source_url ?? claim.source})`).join(" ");
    case "results":
      return `${block.value.days_to_full_effect} days`;
    case "side_effects":
      return block.value.common.join(", ");
    case "prep_instructions":
      return block.value.steps.map((step) => `${step.timing ?? "Before"}: ${step.instruction}`).join(" ");
    case "off_label_uses":
      return block.value.off_label ? block.value.uses.join(", ") : "";
    case "faq":
      return block.value.items.map((item) => item.question).join(" ");
    case "testimonial":
      return `${block.value.quote} (${block.value.practitioner?.name ?? block.value.attribution})`;
    case "before_after":
      return `${block.value.treatment_area}: ${block.value.disclosure} (${String(block.value.authorized)})`;
    case "call_to_action":
      return block.value.text ?? block.value.button_label;
    case "related_treatments":
      return String(block.value.treatments.length);
    default: {
      const unknownBlock: never = block;
      return unknownBlock;
    }
  }
}

/** What a treatment page's template would read: body, JSON-LD graph, an image. */
export function summarize(page: Detail): string[] {
  if (!isPageOfType(page, "treatments.TreatmentPage")) {
    return [page.title];
  }
  const lines = [page.title, ...(page.body ?? []).map(blockLine)];
  for (const node of page.structured_data?.["@graph"] ?? []) {
    switch (node["@type"]) {
      case "MedicalWebPage":
        lines.push(node.mainEntity.name, node.dateModified ?? "");
        break;
      case "FAQPage":
        lines.push(...node.mainEntity.map((question) => question.acceptedAnswer.text));
        break;
      case "MedicalClinic":
        lines.push(node.telephone ?? node.url);
        break;
    }
  }
  // The image's alt text and intrinsic size (what an <img> needs besides its URLs).
  const hero = page.hero_image;
  if (hero) {
    lines.push(hero.alt ?? "", `${hero.width ?? 0}x${hero.height ?? 0}`);
    // Every size it comes in: a srcset candidate per width, format and aspect ratio.
    const webp = (hero.srcset ?? []).filter((r) => r.format === "webp" && r.aspect_ratio === "original");
    lines.push(webp.map((r) => `${r.url} ${r.width}w`).join(", "));
  }
  lines.push(page.reviewed_by?.name ?? "not reviewed yet", page.meta.first_published_at ?? "");
  return lines;
}

/** One request per page: the listing filtered by the page's path (0 or 1 items). */
export async function pageAt(base: string, htmlPath: string): Promise<Detail | undefined> {
  const url = `${base}/api/v2/pages/?html_path=${encodeURIComponent(htmlPath)}&fields=*`;
  const response = await fetch(url);
  if (!response.ok) {
    const error: Schemas["Error"] = await response.json();
    throw new Error(`${error.code}: ${error.message}`);
  }
  const listing: Json<paths["/api/v2/pages/"]["get"]["responses"][200]> = await response.json();
  return listing.items[0];
}
