// Static build of every live page; only /preview/ renders on request (a draft exists only while
// an editor looks at it), through the Node adapter.
import node from "@astrojs/node";
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  adapter: node({ mode: "standalone" }),
  site: process.env.SITE_URL || "http://127.0.0.1:4321",
  build: { format: "directory" },
  // No telemetry, no fonts or scripts from other hosts: the build runs offline.
  devToolbar: { enabled: false },
});
