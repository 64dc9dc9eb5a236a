import { commands, type DraftView } from "../api";
import { selectedAccount } from "./accounts.svelte";
import { composer, takeClip } from "./composer.svelte";

/** Notes from earlier runs that were never sent (a closed window, a crash). */
export const drafts = $state<{ list: DraftView[]; busy: string | null }>({ list: [], busy: null });

export async function loadDrafts(): Promise<void> {
  const result = await commands.unsentDrafts();
  if (result.status === "ok") drafts.list = result.data;
}

/** Opens a recovered note in the preview, made for the selected account. */
export async function keepDraft(id: string): Promise<void> {
  const account = selectedAccount();
  if (!account || composer.clip || drafts.busy) return;
  drafts.busy = id;
  const result = await commands.restoreDraft(id, account.platform);
  drafts.busy = null;
  if (result.status === "ok") {
    takeClip(result.data);
    drafts.list = drafts.list.filter((d) => d.id !== id);
  } else {
    composer.importError = result.error;
  }
}

export async function discardDraft(id: string): Promise<void> {
  await commands.discardDraft(id);
  drafts.list = drafts.list.filter((d) => d.id !== id);
}
