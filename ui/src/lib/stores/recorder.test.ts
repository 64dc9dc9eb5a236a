import { describe, expect, it } from "vitest";
import { LEVELS_SHOWN, PEAK_HOLD_MS, addLevel, recorder } from "./recorder.svelte";

describe("the recording's scrolling waveform and held peak", () => {
  it("keeps the last few seconds, newest last", () => {
    recorder.levels = [];
    for (let i = 0; i < LEVELS_SHOWN + 10; i++) addLevel(-60 + (i % 60), -6, i * 33);
    expect(recorder.levels).toHaveLength(LEVELS_SHOWN);
    expect(recorder.levels[LEVELS_SHOWN - 1]).toBeCloseTo((((LEVELS_SHOWN + 9) % 60) as number) / 60);
  });

  it("holds the highest peak for a moment, then lets it fall", () => {
    recorder.peakHold = 0;
    addLevel(-20, -3, 10_000); // loud
    expect(recorder.peakHold).toBeCloseTo(57 / 60);
    addLevel(-40, -30, 10_000 + PEAK_HOLD_MS - 100); // quieter, still held
    expect(recorder.peakHold).toBeCloseTo(57 / 60);
    addLevel(-40, -30, 10_000 + PEAK_HOLD_MS + 100); // held long enough: falls
    expect(recorder.peakHold).toBeCloseTo(30 / 60);
  });
});
