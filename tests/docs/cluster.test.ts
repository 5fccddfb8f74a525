import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGINE_VERSION } from "../../sim/version.js";

const imageTags = (text: string) => [...text.matchAll(/image: registry\.example\/gridgov:(\S+)/g)].map((m) => m[1]);

describe("the Kubernetes template and docs/cluster.md", () => {
  it("name the image of this engine version, the same in both", () => {
    const template = imageTags(readFileSync("cluster/k8s-indexed-job.yaml", "utf8"));
    const guide = imageTags(readFileSync("docs/cluster.md", "utf8"));
    expect(template).toEqual([ENGINE_VERSION]);
    expect(guide).toEqual([ENGINE_VERSION]);
  });
});
