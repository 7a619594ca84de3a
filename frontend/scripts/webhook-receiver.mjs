// @ts-check
/**
 * A webhook receiver for a static front end: verifies each event's signature and prints the
 * paths to rebuild. Run: CMS_WEBHOOK_SECRET=... PORT=4322 node scripts/webhook-receiver.mjs
 * A real deployment would start a build (or revalidate those paths) where this prints them.
 */
import { createServer } from "node:http";
import { verifySignature } from "./verify.mjs";

/**
 * The paths an event asks a front end to rebuild: every path the CMS names, without repeats.
 * @param {Record<string, unknown>} event
 * @returns {string[]}
 */
export function pathsToRebuild(event) {
  const paths = Array.isArray(event.paths) ? event.paths : [event.url_path, event.old_url_path];
  return [...new Set(paths.filter((path) => typeof path === "string" && path.startsWith("/")))];
}

const secret = process.env.CMS_WEBHOOK_SECRET ?? "";
const port = Number(process.env.PORT ?? 4322);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  if (!secret) {
    console.error("Set CMS_WEBHOOK_SECRET to the endpoint's secret (the CMS's CMS_WEBHOOKS setting).");
    process.exit(2);
  }
  createServer((request, response) => {
    /** @type {Buffer[]} */
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const header = request.headers["x-cms-signature"];
      if (request.method !== "POST" || !verifySignature(Array.isArray(header) ? header[0] : header, body, secret)) {
        response.writeHead(401).end();
        return;
      }
      try {
        const event = JSON.parse(body.toString("utf8"));
        console.log(`${event.event}: rebuild ${pathsToRebuild(event).join(" ") || "(nothing public)"}`);
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  }).listen(port, "127.0.0.1", () => console.log(`Listening for CMS webhooks on http://127.0.0.1:${port}/`));
}
