/** Why recording cannot start yet, or `null` when it can. */
export function recordBlocker(accountCount: number): string | null {
  return accountCount === 0 ? "Add an account to start" : null;
}
