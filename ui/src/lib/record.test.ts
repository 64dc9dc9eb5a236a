import { describe, expect, it } from "vitest";
import { recordBlocker } from "./record";
import { meterFraction } from "./stores/recorder.svelte";

describe("recordBlocker", () => {
  it("asks for an account when there is none", () => {
    expect(recordBlocker(false)).toBe("Add an account to start");
  });

  it("lets recording start once there is an account", () => {
    expect(recordBlocker(true)).toBeNull();
  });
});

describe("meterFraction", () => {
  it("maps −60…0 dBFS onto the meter and clamps the rest", () => {
    expect(meterFraction(-60)).toBe(0);
    expect(meterFraction(-30)).toBe(0.5);
    expect(meterFraction(0)).toBe(1);
    expect(meterFraction(-90)).toBe(0);
    expect(meterFraction(null)).toBe(0);
  });
});
