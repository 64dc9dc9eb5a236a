/** Why recording cannot start from the window, or `null` when it can. */
export function recordBlocker(hasAccount: boolean, working = false): string | null {
  if (!hasAccount) return "Add an account to start";
  // One note at a time: a file being made into a note finishes (or is cancelled) first.
  return working ? "Wait until the file is ready, or cancel it." : null;
}
