// @ts-check
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { verifySignature } from "./verify.mjs";
import { pathsToRebuild } from "./webhook-receiver.mjs";

const secret = "s3cret";
const body = '{"event":"page.published","paths":["/treatments/botox/","/treatments/"]}';
const now = 1_800_000_000;
const sign = (/** @type {number} */ t, text = body) =>
  `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${text}`).digest("hex")}`;

test("a fresh, correct signature is valid", () => {
  assert.equal(verifySignature(sign(now), body, secret, now), true);
});

test("a changed body, a wrong secret or an old timestamp is not", () => {
  assert.equal(verifySignature(sign(now), body + " ", secret, now), false);
  assert.equal(verifySignature(sign(now), body, "other", now), false);
  assert.equal(verifySignature(sign(now - 301), body, secret, now), false);
});

test("missing, short or malformed headers are refused without throwing", () => {
  for (const header of [undefined, null, "", "t=", "v1=abc", `t=${now},v1=abcd`, "garbage", `t=x,v1=${"0".repeat(64)}`]) {
    assert.equal(verifySignature(header, body, secret, now), false, String(header));
  }
});

test("the paths to rebuild are the event's, each once", () => {
  assert.deepEqual(pathsToRebuild({ paths: ["/a/", "/a/", "/b/", 3] }), ["/a/", "/b/"]);
});
