import { t } from "./i18n.svelte";

/** Why recording cannot start from the window, or `null` when it can. */
export function recordBlocker(hasAccount: boolean, working = false): string | null {
  if (!hasAccount) return t("record-blocked-by-account");
  // One note at a time: a file being made into a note finishes (or is cancelled) first.
  return working ? t("record-blocked-by-file") : null;
}
