import { describe, expect, it } from "vitest";
import { recordProcessWarnings } from "../src/index.js";

describe("recordProcessWarnings", () => {
  it("returns the warnings emitted while recording, and none after stop", async () => {
    const recorder = recordProcessWarnings();
    process.emitWarning("11 abort listeners added to [AbortSignal]", "MaxListenersExceededWarning");
    expect(await recorder.stop()).toEqual([expect.stringMatching(/^MaxListenersExceededWarning: /)]);

    const quiet = recordProcessWarnings();
    expect(await quiet.stop()).toEqual([]);
  });
});
