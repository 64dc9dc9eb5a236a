import { describe, expect, it } from "vitest";
import { recordBlocker } from "./record";

describe("recordBlocker", () => {
  it("asks for an account when there is none", () => {
    expect(recordBlocker(false)).toBe("Add an account to start");
  });

  it("says plainly that recording in the window is not there yet", () => {
    expect(recordBlocker(true)).toContain("hark record");
  });
});
