import { Channel } from "@tauri-apps/api/core";
import { commands, type CommandError, type ContactSource, type ImportReport } from "../api";

/** The contacts dialog: whether it is open (a file dropped then is a contacts file),
 *  and the import under way or done. */
export const contactsDialog = $state<{
  open: boolean;
  busy: boolean;
  /** How many people the platform listed so far. */
  read: number;
  report: ImportReport | null;
  error: CommandError | null;
}>({ open: false, busy: false, read: 0, report: null, error: null });

/** Imports contacts into the account, from the platform or a file dropped or chosen. */
export async function importContacts(accountId: string, source: ContactSource): Promise<void> {
  if (contactsDialog.busy) return;
  contactsDialog.busy = true;
  contactsDialog.error = null;
  contactsDialog.report = null;
  contactsDialog.read = 0;
  const progress = new Channel<number>();
  progress.onmessage = (n) => {
    contactsDialog.read = n;
  };
  const result = await commands.importContacts(accountId, source, progress);
  contactsDialog.busy = false;
  if (result.status === "ok") contactsDialog.report = result.data;
  else contactsDialog.error = result.error;
}
