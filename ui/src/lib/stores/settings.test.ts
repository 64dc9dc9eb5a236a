import { describe, expect, it } from "vitest";
import { resolveTheme } from "./settings.svelte";

describe("resolveTheme", () => {
  it("follows the system unless a theme is chosen", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
    expect(resolveTheme("purple", false)).toBe("light");
  });
});
