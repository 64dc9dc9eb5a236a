import { describe, expect, it } from "vitest";
import { clock, size, spokenDuration, when } from "./api";

describe("how numbers read", () => {
  it("reads durations as a clock and aloud", () => {
    expect(clock(42_000)).toBe("0:42");
    expect(clock(65_400)).toBe("1:05");
    expect(spokenDuration(83_000)).toBe("1 minute 23 seconds");
    expect(spokenDuration(120_000)).toBe("2 minutes");
    expect(spokenDuration(0)).toBe("0 seconds");
  });

  it("reads sizes without needless decimals", () => {
    expect(size(12 * 1024)).toBe("12 KB");
    expect(size(300)).toBe("1 KB");
    expect(size(16 * 1024 * 1024)).toBe("16 MB");
    expect(size(2.5 * 1024 * 1024)).toBe("2.5 MB");
  });

  it("shows today's times as hours and minutes", () => {
    const now = new Date("2026-11-21T12:00:00");
    expect(when(new Date("2026-11-21T10:42:00").toISOString(), now)).toBe("10:42");
    expect(when("not a time", now)).toBe("not a time");
    expect(when(new Date("2026-11-19T10:42:00").toISOString(), now)).toMatch(/19.*10:42/);
  });
});
