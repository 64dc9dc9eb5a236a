import { commands, type Account, type CommandError, type PlatformInfo } from "../api";

/** The platforms (from the shell's one table) and the accounts, and which is selected. */
export const accounts = $state<{
  platforms: PlatformInfo[];
  list: Account[];
  selectedId: string | null;
  error: CommandError | null;
  loaded: boolean;
}>({ platforms: [], list: [], selectedId: null, error: null, loaded: false });

export function selectedAccount(): Account | undefined {
  return accounts.list.find((a) => a.id === accounts.selectedId);
}

export function platformInfo(id: string | undefined): PlatformInfo | undefined {
  return accounts.platforms.find((p) => p.id === id);
}

/** Which account to select: the current one if it still exists; else, on a first run
 * (no real account yet), the sandbox; else the first real account. */
export function defaultSelection(list: Account[], current: string | null): string | null {
  if (current && list.some((a) => a.id === current)) return current;
  const real = list.find((a) => a.platform !== "sandbox");
  return real?.id ?? list[0]?.id ?? null;
}

export async function loadAccounts(): Promise<void> {
  if (accounts.platforms.length === 0) {
    accounts.platforms = await commands.platforms();
    // The first load: the account chosen last time, if it is still there.
    const last = await commands.lastAccount();
    if (last.status === "ok" && accounts.selectedId === null) accounts.selectedId = last.data;
  }
  const result = await commands.listAccounts();
  if (result.status === "ok") {
    accounts.list = result.data;
    accounts.error = null;
    accounts.selectedId = defaultSelection(result.data, accounts.selectedId);
  } else {
    accounts.error = result.error;
  }
  accounts.loaded = true;
}

export function selectAccount(id: string): void {
  accounts.selectedId = id;
  void commands.rememberAccount(id);
}
