import { afterEach, describe, expect, it } from "vitest";
import { has, setLanguage, t } from "./i18n.svelte";

const sources = import.meta.glob<string>(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("the window's words", () => {
  afterEach(() => setLanguage("en"));

  it("come from the catalogs, in the language chosen", () => {
    expect(t("settings-title")).toBe("Settings");
    setLanguage("zh-CN");
    expect(t("settings-title")).toBe("设置");
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(t("app-platform-said", { platform: "WhatsApp", code: "190", words: "Session expired" })).toBe(
      "WhatsApp返回 190：Session expired",
    );
  });

  it("name only messages the catalogs have", () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\b(?:t|part)\("([a-z0-9-]+)"/g)) if (m[1]) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((id) => !has(id, "en") || !has(id, "zh-CN"));
    expect(missing).toEqual([]);
  });
});
