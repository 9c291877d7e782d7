import { describe, expect, it } from "vitest";
import { recordProcessWarnings } from "../src/index.js";

describe("recordProcessWarnings", () => {
  it("returns the warnings emitted while recording, and none after stop", async () => {
    const recorder = recordProcessWarnings();
    process.emitWarning("emitted on purpose by this self-test", "RecorderSelfTestWarning");
    expect(await recorder.stop()).toEqual([expect.stringMatching(/^RecorderSelfTestWarning: emitted on purpose/)]);

    const quiet = recordProcessWarnings();
    expect(await quiet.stop()).toEqual([]);
  });
});
