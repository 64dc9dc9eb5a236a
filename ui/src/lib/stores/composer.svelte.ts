import { Channel } from "@tauri-apps/api/core";
import {
  commands,
  type ClipView,
  type CommandError,
  type ImportProgress,
  type Result,
  type RecipientView,
  type SendProgress,
  type SentView,
} from "../api";
import type { Platform } from "../bindings";
import { accounts, loadAccounts, selectedAccount } from "./accounts.svelte";
import { loadHistory, loadInbox } from "./history.svelte";

/** The note being composed: recipient, clip, and the send's progress and outcome. */
export const composer = $state<{
  /** What the agent typed or picked: a contact's name, or an id. */
  to: string;
  toProblem: string | null;
  /** Who `to` is: the id the platform gets and the contact's name, once checked. */
  toWho: RecipientView | null;
  /** The contact picked from the list or the recent ones, while the field still shows
   *  their name: the send goes to this id, even if another contact has the name. */
  picked: RecipientView | null;
  recent: RecipientView[];
  clip: ClipView | null;
  importing: boolean;
  /** The note is being made again (another account's platform, or trimmed). */
  remaking: boolean;
  /** How far the import (or the remaking) got. */
  work: ImportProgress | null;
  importError: CommandError | null;
  sending: boolean;
  progress: SendProgress | null;
  sent: SentView | null;
  sendError: CommandError | null;
}>({
  to: "",
  toProblem: null,
  toWho: null,
  picked: null,
  recent: [],
  clip: null,
  importing: false,
  remaking: false,
  work: null,
  importError: null,
  sending: false,
  progress: null,
  sent: null,
  sendError: null,
});

/** The label a recipient goes by: their name, or their id until they have one. */
export function label(r: RecipientView): string {
  return r.name ?? r.id;
}

/** The field was typed in: what was picked no longer holds. */
export function typed(): void {
  if (composer.picked && composer.to !== label(composer.picked)) composer.picked = null;
}

/** Puts a contact (or a recent recipient) in the To field. */
export function pick(r: RecipientView): void {
  composer.picked = r;
  composer.to = label(r);
  composer.toWho = r;
  composer.toProblem = null;
  // Asked again for what the shell knows of them now (the reply window).
  void checkRecipient();
}

/** Checks the To field for the selected account: a contact's name or id, else an id
 *  the platform can take. */
export async function checkRecipient(): Promise<void> {
  const account = selectedAccount();
  typed();
  if (!account || composer.to.trim() === "") {
    composer.toProblem = null;
    composer.toWho = null;
    return;
  }
  // A contact picked is asked for by id: another may have the same name.
  const asked = composer.to;
  const result = await commands.checkRecipient(account.id, composer.picked?.id ?? asked);
  // Typed on (or another account chosen) meanwhile: a later check answers for that.
  if (composer.to !== asked || selectedAccount()?.id !== account.id) return;
  composer.toWho = result.status === "ok" ? result.data : null;
  composer.toProblem = result.status === "ok" ? null : `${result.error.message} ${result.error.remedy}`;
}

/** The recipient a send goes to: the picked contact's id, else what was typed (the
 *  core finds the contact by name or takes it as an id). */
export function recipient(): string {
  return composer.picked?.id ?? composer.to;
}

export async function loadRecent(): Promise<void> {
  const account = selectedAccount();
  if (!account) return;
  const result = await commands.recentRecipients(account.id);
  composer.recent = result.status === "ok" ? result.data : [];
}

/** Names someone a note was just sent to, as a contact of the selected account. */
export async function nameRecipient(id: string, name: string): Promise<CommandError | null> {
  const account = selectedAccount();
  if (!account) return null;
  const result = await commands.saveContact(account.id, id, name, null);
  if (result.status === "error") return result.error;
  if (composer.sent?.recipient === id) composer.sent = { ...composer.sent, recipientName: result.data.name };
  await Promise.all([loadRecent(), loadHistory()]);
  return null;
}

/** Puts a note in the preview (replacing one there) and clears what was said about
 * the last one. */
export function takeClip(clip: ClipView): void {
  if (composer.clip && composer.clip.id !== clip.id) void commands.discardClip(composer.clip.id);
  composer.clip = clip;
  composer.sent = null;
  composer.sendError = null;
  composer.importError = null;
  composer.progress = null;
}

/** Makes the file into the selected account's note, for the preview. */
export async function importFile(path: string): Promise<void> {
  await importWith((platform, channel) => commands.importClip(path, platform, false, channel));
}

/** Fetches the audio at a link (pasted, or typed in "Paste a link") and makes it into
 *  the selected account's note, as a chosen file is. */
export async function importLink(link: string): Promise<void> {
  await importWith((platform, channel) => commands.importLink(link.trim(), platform, channel));
}

/** An import into the preview, for the selected account's platform, with its progress
 *  in `composer.work`; an error other than the agent's cancelling is said. */
async function importWith(
  run: (platform: Platform, channel: Channel<ImportProgress>) => Promise<Result<ClipView>>,
): Promise<void> {
  const account = selectedAccount();
  if (!account) return;
  composer.importing = true;
  composer.importError = null;
  composer.sent = null;
  composer.sendError = null;
  const result = await run(account.platform, workChannel());
  composer.importing = false;
  composer.work = null;
  if (result.status === "ok") takeClip(result.data);
  else if (result.error.code !== "cancelled") composer.importError = result.error;
}

/** Whether `text` is a link Hark may fetch audio from (the shell says which it will). */
export function isLink(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim());
}

/** A channel that keeps `composer.work` up to date. */
function workChannel(): Channel<ImportProgress> {
  composer.work = null;
  const channel = new Channel<ImportProgress>();
  channel.onmessage = (p) => {
    composer.work = p;
  };
  return channel;
}

/** Stops the import (or the remaking of the note) under way. */
export async function cancelWork(): Promise<void> {
  await commands.cancelImport();
}

/**
 * Makes the note in the preview again from its source (the raw take, or the imported
 * file): for the selected account's platform, or keeping only the part that fits.
 */
export async function remakeClip(trim = false): Promise<void> {
  const account = selectedAccount();
  const clip = composer.clip;
  if (!account || !clip) return;
  // Not while it is being sent: the note in the outbox is the one made before.
  if (composer.sending || composer.remaking || (!trim && clip.platform === account.platform)) return;
  composer.remaking = true;
  composer.importError = null;
  const result = await commands.remakeClip(clip.id, account.platform, trim, workChannel());
  composer.remaking = false;
  composer.work = null;
  // The agent may have discarded it, or switched again, meanwhile.
  if (composer.clip?.id !== clip.id) return;
  if (result.status === "error") {
    if (result.error.code !== "cancelled") composer.importError = result.error;
    return;
  }
  composer.clip = result.data;
  // Switched again while this one was made: make it for that account too.
  if (selectedAccount()?.platform !== result.data.platform) void remakeClip();
}

/** The account changed: the note in the preview is made again for its platform. */
export async function reimportForAccount(): Promise<void> {
  await remakeClip(false);
}

export function discardClip(): void {
  if (composer.clip) void commands.discardClip(composer.clip.id);
  composer.clip = null;
  composer.importError = null;
  composer.progress = null;
}

/** Whether Send may be pressed now. */
export function canSend(): boolean {
  const account = selectedAccount();
  return (
    composer.clip !== null &&
    composer.clip.sendable &&
    // Never a note made for another platform than the selected account's.
    composer.clip.platform === account?.platform &&
    !composer.remaking &&
    !composer.sending &&
    composer.to.trim() !== "" &&
    composer.toProblem === null
  );
}

/** How to send: Messenger's human-agent tag, or (Telegram) as a file. */
export interface SendChoice {
  humanAgent?: boolean;
  asFile?: boolean;
}

export async function send(choice: SendChoice = {}): Promise<void> {
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
  const result = await commands.sendClip(
    clip.id,
    account.id,
    recipient(),
    choice.humanAgent ?? false,
    choice.asFile ?? false,
    channel,
  );
  composer.sending = false;
  if (result.status === "ok") {
    composer.sent = result.data;
    composer.clip = null;
    void commands.discardClip(clip.id);
  } else {
    composer.sendError = result.error;
    // The account may have changed while it was sent: the note follows it now.
    void remakeClip();
  }
  await Promise.all([loadHistory(), loadAccounts(), loadRecent(), loadInbox()]);
}

/** Sends a note from the history again (Retry, Resend). A send the customer may
 *  already have goes only `confirmed` (the window asked first). */
export async function resend(sendId: number, confirmed = false): Promise<void> {
  composer.sending = true;
  composer.sendError = null;
  composer.sent = null;
  const channel = new Channel<SendProgress>();
  channel.onmessage = (p) => {
    composer.progress = p;
  };
  const result = await commands.resend(sendId, confirmed, channel);
  composer.sending = false;
  if (result.status === "ok") composer.sent = result.data;
  else composer.sendError = result.error;
  await Promise.all([loadHistory(), loadAccounts(), loadInbox()]);
}

export { accounts };
