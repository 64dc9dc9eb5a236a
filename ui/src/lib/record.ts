/** Why recording cannot start from the window, or `null` when it can. */
export function recordBlocker(hasAccount: boolean): string | null {
  if (!hasAccount) return "Add an account to start";
  return "Recording from this window is not ready yet: record with `hark record`, then drop the note here.";
}
