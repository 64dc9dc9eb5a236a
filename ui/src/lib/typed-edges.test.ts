// The values from closed sets that the shell sends are unions in the generated
// bindings, so a misspelt value is a compile error (`npm run check`), not a silent
// false. Each `@ts-expect-error` below fails the check if its type widens to string.
import { describe, expect, it } from "vitest";
import type {
  Account,
  EndReason,
  Level,
  Platform,
  RecordedClip,
  RecordingState,
  VerdictCheck,
  VerdictView,
} from "./bindings";

describe("typed edges", () => {
  it("accept exactly the values the shell sends", () => {
    const ended: RecordedClip["endedBy"] = "limit_reached";
    const level: VerdictView["level"] = "warn";
    const check: VerdictView["check"] = "play_icon";
    const status: Account["status"] = "attention";
    const platform: Account["platform"] = "whatsapp-gateway";
    const state: RecordingState = "device_failed";
    const all: [EndReason, Level, VerdictCheck, Platform, RecordingState] = [
      "stopped",
      "fail",
      "duration",
      "telegram",
      "paused",
    ];
    expect([ended, level, check, status, platform, state, ...all]).toHaveLength(11);

    // @ts-expect-error a misspelt reason
    const badEnd: RecordedClip["endedBy"] = "limit_reachd";
    // @ts-expect-error a level that does not exist
    const badLevel: VerdictView["level"] = "error";
    // @ts-expect-error a check that does not exist
    const badCheck: VerdictView["check"] = "loudness";
    // @ts-expect-error an account status that does not exist
    const badStatus: Account["status"] = "ok";
    // @ts-expect-error platform ids are kebab-case
    const badPlatform: Account["platform"] = "whatsapp_gateway";
    // @ts-expect-error a recording state that does not exist
    const badState: RecordingState = "stopped";
    expect([badEnd, badLevel, badCheck, badStatus, badPlatform, badState]).toHaveLength(6);
  });
});
