import { Channel } from "@tauri-apps/api/core";
import { t } from "../i18n.svelte";
import { commands, type CommandError, type RecordingStatus } from "../api";
import type { Platform, RecordingStatus_Deserialize } from "../bindings";
import { takeClip } from "./composer.svelte";

/** The recording under way (if any), as the shell reports it ~30 times a second. */
export const recorder = $state<{
  status: RecordingStatus | null;
  starting: boolean;
  stopping: boolean;
  error: CommandError | null;
  /** Something to know about the last take (a silent microphone, a lost device). */
  notice: string | null;
  /** The last few seconds of level (0..1), oldest first: the scrolling waveform. */
  levels: number[];
  /** The highest peak (0..1) of the last moments, held for PEAK_HOLD_MS. */
  peakHold: number;
}>({ status: null, starting: false, stopping: false, error: null, notice: null, levels: [], peakHold: 0 });

/** How many level readings the scrolling waveform shows (~4 s at 30 a second). */
export const LEVELS_SHOWN = 120;
/** How long the peak marker holds the highest peak. */
export const PEAK_HOLD_MS = 1500;
let peakAt = 0;

/** Adds one reading to the scrolling waveform and the held peak. */
export function addLevel(rmsDbfs: number | null, peakDbfs: number | null, now: number): void {
  const levels = recorder.levels.length >= LEVELS_SHOWN ? recorder.levels.slice(1) : recorder.levels.slice();
  levels.push(meterFraction(rmsDbfs));
  recorder.levels = levels;
  const peak = meterFraction(peakDbfs);
  if (peak >= recorder.peakHold || now - peakAt > PEAK_HOLD_MS) {
    recorder.peakHold = peak;
    peakAt = now;
  }
}

export function isRecording(): boolean {
  return recorder.status !== null || recorder.starting;
}

export async function startRecording(platform: Platform): Promise<void> {
  if (isRecording()) return;
  recorder.error = null;
  recorder.notice = null;
  recorder.levels = [];
  recorder.peakHold = 0;
  recorder.starting = true;
  // The bindings type a channel by its deserialising twin, whose optional fields may be
  // left out; the shell always sends them.
  const channel = new Channel<RecordingStatus_Deserialize>();
  channel.onmessage = (s) => {
    if (recorder.stopping) return;
    recorder.status = { ...s, limitMs: s.limitMs ?? null };
    if (s.state === "recording") addLevel(s.rmsDbfs, s.peakDbfs, performance.now());
    // At the limit, or when the device gives out, the take ends by itself and is kept.
    if (s.state === "limit_reached" || s.state === "device_failed") void stopRecording();
  };
  const result = await commands.startRecording(platform, null, channel);
  recorder.starting = false;
  if (result.status === "error") {
    recorder.error = result.error;
    recorder.status = null;
  }
}

export async function pauseOrResume(): Promise<void> {
  if (!recorder.status) return;
  if (recorder.status.state === "paused") {
    await commands.resumeRecording();
  } else {
    await commands.pauseRecording();
  }
}

/** Ends the take and puts the note (already encoded) in the preview. */
export async function stopRecording(): Promise<void> {
  if (!recorder.status || recorder.stopping) return;
  recorder.stopping = true;
  const result = await commands.stopRecording();
  recorder.stopping = false;
  recorder.status = null;
  if (result.status === "error") {
    recorder.error = result.error;
    return;
  }
  const r = result.data;
  takeClip(r.clip);
  if (r.silent) {
    recorder.notice = t("record-silent");
  } else if (r.endedBy === "limit_reached") {
    recorder.notice = t("record-limit-reached");
  } else if (r.deviceProblem) {
    recorder.notice = t("record-device-stopped", { problem: r.deviceProblem });
  }
}

export async function discardRecording(): Promise<void> {
  await commands.discardRecording();
  recorder.status = null;
}

/** 0..1 for a level in dBFS (−60 is silence). */
export function meterFraction(dbfs: number | null): number {
  if (dbfs === null || !Number.isFinite(dbfs)) return 0;
  return Math.min(1, Math.max(0, (dbfs + 60) / 60));
}
