import { commands, type Settings } from "../api";
import { setLanguage } from "../i18n.svelte";

/** The agent's preferences, as saved by the shell. */
export const settings = $state<{ value: Settings }>({
  value: {
    inputDevice: null,
    clean: true,
    theme: "system",
    shortcut: "CommandOrControl+Shift+Space",
    shortcutMode: "toggle",
    startAtLogin: false,
    language: null,
    systemLanguage: "en",
  },
});

/** The window speaks the language chosen, or the system's. */
export function applyLanguage(): void {
  setLanguage(settings.value.language ?? settings.value.systemLanguage);
}

const darkQuery = (): MediaQueryList | null =>
  typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia("(prefers-color-scheme: dark)")
    : null;

/** `light` or `dark`: the theme chosen, or the OS's for `system`. */
export function resolveTheme(theme: string, osDark: boolean): "light" | "dark" {
  if (theme === "light" || theme === "dark") return theme;
  return osDark ? "dark" : "light";
}

export function applyTheme(): void {
  const osDark = darkQuery()?.matches ?? false;
  document.documentElement.dataset.theme = resolveTheme(settings.value.theme, osDark);
}

export async function loadSettings(): Promise<void> {
  const result = await commands.getSettings();
  if (result.status === "ok") settings.value = result.data;
  applyTheme();
  applyLanguage();
  darkQuery()?.addEventListener("change", applyTheme);
}

/** Saves `next`; on failure, what went wrong in words and the field at fault. */
export async function saveSettings(next: Settings): Promise<{ text: string; field: string | null } | null> {
  const result = await commands.saveSettings(next);
  if (result.status === "error") return { text: `${result.error.message} ${result.error.remedy}`, field: result.error.field };
  settings.value = next;
  applyTheme();
  applyLanguage();
  return null;
}
