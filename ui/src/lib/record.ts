/** Why recording cannot start from the window, or `null` when it can. */
export function recordBlocker(hasAccount: boolean): string | null {
  return hasAccount ? null : "Add an account to start";
}
