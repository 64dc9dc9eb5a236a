/**
 * The shell's commands and types under the names the UI uses. The generated bindings
 * name result types `…_Serialize` (what the shell sends); these aliases keep the
 * components readable.
 */
import type {
  Account_Serialize,
  ClipView_Serialize,
  CommandError_Serialize,
  ContactView_Serialize,
  DraftView_Serialize,
  Fix_Serialize,
  FieldInfo_Serialize,
  PlatformInfo_Serialize,
  RecipientView_Serialize,
  RecordedClip_Serialize,
  RecordingStatus_Serialize,
  SendView_Serialize,
  SettingsView_Serialize,
  SentView_Serialize,
  VerdictView_Serialize,
} from "./bindings";
import { language, t } from "./i18n.svelte";

export { commands } from "./bindings";
export type Account = Account_Serialize;
export type ClipView = ClipView_Serialize;
export type CommandError = CommandError_Serialize;
export type ContactView = ContactView_Serialize;
export type RecipientView = RecipientView_Serialize;
export type FieldInfo = FieldInfo_Serialize;
export type PlatformInfo = PlatformInfo_Serialize;
export type SendView = SendView_Serialize;
export type SentView = SentView_Serialize;
export type Verdict = VerdictView_Serialize;
export type RecordedClip = RecordedClip_Serialize;
export type RecordingStatus = RecordingStatus_Serialize;
export type { DeviceView as Device } from "./bindings";
export type Settings = SettingsView_Serialize;
export type DraftView = DraftView_Serialize;
export type Fix = Fix_Serialize;
export type {
  AppInfo,
  ContactSource,
  ImportProgress,
  ImportReport,
  InboxItem,
  InputLevel,
  OwnAudio,
  SendProgress,
} from "./bindings";
import type { OwnAudio } from "./bindings";

/** A command's result: its data, or the error it returned. */
export type Result<T> = { status: "ok"; data: T } | { status: "error"; error: CommandError };

/** "0:42" or "1:05" for a number of milliseconds. */
export function clock(ms: number): string {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${s.toString().padStart(2, "0")}`;
}

/** "0:07" for a position while playing: whole seconds elapsed, as players count. */
export function elapsed(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(total / 60)}:${(total % 60).toString().padStart(2, "0")}`;
}

/** "1 minute 23 seconds" for a screen reader. */
export function spokenDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (m > 0) parts.push(t("duration-minutes", { n: m }));
  if (s > 0 || m === 0) parts.push(t("duration-seconds", { n: s }));
  return parts.join(t("duration-joiner"));
}

/** "64 KB", "1.2 MB". */
export function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** A span of time as the reply window says it: minutes under an hour, hours under two
 *  days, else days (whole ones, rounded down). */
export function span(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 60) return t("span-minutes", { n: Math.max(1, minutes) });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("span-hours", { n: hours });
  return t("span-days", { n: Math.floor(hours / 24) });
}

/** "Friday 14:00" for an RFC 3339 time within the week, in the reader's language. */
export function weekday(rfc3339: string): string {
  const at = new Date(rfc3339);
  if (Number.isNaN(at.getTime())) return rfc3339;
  return at.toLocaleString(language.current, { weekday: "long", hour: "2-digit", minute: "2-digit", hour12: false });
}

/** "10:42" for an RFC 3339 time today, "21 Nov 10:42" otherwise. */
export function when(rfc3339: string, now: Date = new Date()): string {
  const t = new Date(rfc3339);
  if (Number.isNaN(t.getTime())) return rfc3339;
  // The reader's local time, written as their language writes it.
  const locale = language.current;
  const hm = t.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", hour12: false });
  if (t.toDateString() === now.toDateString()) return hm;
  return `${t.toLocaleDateString(locale, { day: "numeric", month: "short" })} ${hm}`;
}

/**
 * A URL the webview's player can play for a note's address. The shell serves notes
 * over loopback HTTP, which the player reads a range at a time: played as they are.
 * Where that server could not start, notes are at `clip://` addresses, which
 * WebKitGTK's media player cannot read (Tauri issue 3725): the bytes are fetched (the
 * page may fetch from `clip:`) and played from a blob. Revoke a `blob:` result when
 * done (revoking any other URL does nothing).
 */
export async function playable(url: string): Promise<string> {
  if (url.startsWith("http://127.0.0.1:")) return url;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The note could not be loaded (${response.status}).`);
  return URL.createObjectURL(await response.blob());
}

/**
 * A note the page can play: at `audioUrl` an Ogg/Opus note as it is or the note decoded
 * by Hark (WAV, which every player reads), and `ownAudio`, the note itself, where it is
 * another format.
 */
export type Audible = { audioUrl: string; ownAudio?: OwnAudio | null };

/**
 * Where to play a note from: the note itself where this webview's player reads its
 * format (the customer's very file, at its own size: a WAV of an M4A is ten times the
 * note, and the page holds what it plays), else what Hark decoded.
 */
export function sourceOf(note: Audible, player: HTMLMediaElement = document.createElement("audio")): string {
  const own = note.ownAudio;
  return own && player.canPlayType(own.mime) !== "" ? own.url : note.audioUrl;
}

/**
 * Plays `note` on `audio`, replacing what it played: the note itself where the player
 * reads it, and what Hark decoded if the player turns the note down after all.
 */
export async function playOn(audio: HTMLAudioElement, note: Audible): Promise<void> {
  const load = async (url: string) => {
    const blob = await playable(url);
    if (audio.src.startsWith("blob:")) URL.revokeObjectURL(audio.src);
    audio.src = blob;
    await audio.play();
  };
  const first = sourceOf(note, audio);
  try {
    await load(first);
  } catch (e) {
    if (first === note.audioUrl) throw e;
    await load(note.audioUrl);
  }
}
