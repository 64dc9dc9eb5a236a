import { describe, expect, it } from "vitest";
import { recordBlocker } from "./record";

describe("recordBlocker", () => {
  it("asks for an account when there is none", () => {
    expect(recordBlocker(0)).toBe("Add an account to start");
  });

  it("lets recording start once there is an account", () => {
    expect(recordBlocker(1)).toBeNull();
  });
});
