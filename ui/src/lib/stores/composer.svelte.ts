import { Channel } from "@tauri-apps/api/core";
import {
  commands,
  type ClipView,
  type CommandError,
  type SendProgress,
  type SentView,
} from "../api";
import { accounts, loadAccounts, selectedAccount } from "./accounts.svelte";
import { loadHistory, loadInbox } from "./history.svelte";

/** The note being composed: recipient, clip, and the send's progress and outcome. */
export const composer = $state<{
  to: string;
  toProblem: string | null;
  recent: string[];
  clip: ClipView | null;
  source: string | null;
  importing: boolean;
  importError: CommandError | null;
  sending: boolean;
  progress: SendProgress | null;
  sent: SentView | null;
  sendError: CommandError | null;
}>({
  to: "",
  toProblem: null,
  recent: [],
  clip: null,
  source: null,
  importing: false,
  importError: null,
  sending: false,
  progress: null,
  sent: null,
  sendError: null,
});

/** Checks the To field against the selected account's platform. */
export async function checkRecipient(): Promise<void> {
  const account = selectedAccount();
  if (!account || composer.to.trim() === "") {
    composer.toProblem = null;
    return;
  }
  const result = await commands.checkRecipient(account.platform, composer.to);
  composer.toProblem = result.status === "ok" ? null : `${result.error.message} ${result.error.remedy}`;
}

export async function loadRecent(): Promise<void> {
  const account = selectedAccount();
  if (!account) return;
  const result = await commands.recentRecipients(account.id);
  composer.recent = result.status === "ok" ? result.data : [];
}

/** Makes the file into the selected account's note, for the preview. */
export async function importFile(path: string, trim = false): Promise<void> {
  const account = selectedAccount();
  if (!account) return;
  composer.importing = true;
  composer.importError = null;
  composer.sent = null;
  composer.sendError = null;
  const result = await commands.importClip(path, account.platform, trim);
  composer.importing = false;
  if (result.status === "ok") {
    if (composer.clip) void commands.discardClip(composer.clip.id);
    composer.clip = result.data;
    composer.source = path;
  } else {
    composer.importError = result.error;
  }
}

/** The account changed: the same file is made again for the new platform. */
export async function reimportForAccount(): Promise<void> {
  if (composer.source && composer.clip && composer.clip.platform !== selectedAccount()?.platform) {
    await importFile(composer.source);
  }
}

export function discardClip(): void {
  if (composer.clip) void commands.discardClip(composer.clip.id);
  composer.clip = null;
  composer.source = null;
  composer.importError = null;
  composer.progress = null;
}

/** Whether Send may be pressed now. */
export function canSend(): boolean {
  return (
    composer.clip !== null &&
    composer.clip.sendable &&
    !composer.sending &&
    composer.to.trim() !== "" &&
    composer.toProblem === null &&
    selectedAccount() !== undefined
  );
}

export async function send(humanAgent = false): Promise<void> {
  const account = selectedAccount();
  const clip = composer.clip;
  if (!account || !clip || !canSend()) return;
  composer.sending = true;
  composer.sent = null;
  composer.sendError = null;
  composer.progress = null;
  const channel = new Channel<SendProgress>();
  channel.onmessage = (p) => {
    composer.progress = p;
  };
  const result = await commands.sendClip(clip.id, account.id, composer.to, humanAgent, channel);
  composer.sending = false;
  if (result.status === "ok") {
    composer.sent = result.data;
    composer.clip = null;
    composer.source = null;
    void commands.discardClip(clip.id);
  } else {
    composer.sendError = result.error;
  }
  await Promise.all([loadHistory(), loadAccounts(), loadRecent(), loadInbox()]);
}

/** Sends a note from the history again (Retry, Resend). */
export async function resend(sendId: number): Promise<void> {
  composer.sending = true;
  composer.sendError = null;
  composer.sent = null;
  const channel = new Channel<SendProgress>();
  channel.onmessage = (p) => {
    composer.progress = p;
  };
  const result = await commands.resend(sendId, channel);
  composer.sending = false;
  if (result.status === "ok") composer.sent = result.data;
  else composer.sendError = result.error;
  await Promise.all([loadHistory(), loadAccounts(), loadInbox()]);
}

export { accounts };
