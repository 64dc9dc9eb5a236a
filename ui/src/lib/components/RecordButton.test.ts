import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import RecordButton from "./RecordButton.svelte";
import type { RecordingStatus } from "../api";

const none = () => {};
const idle = { status: null, maxBytes: null, onToggle: none, onPause: none, onDiscard: none };

function status(over: Partial<RecordingStatus>): RecordingStatus {
  return {
    state: "recording",
    elapsedMs: 12_000,
    limitMs: 60_000,
    sizeEstimate: 19_000,
    rmsDbfs: -20,
    peakDbfs: -6,
    ...over,
  };
}

describe("RecordButton", () => {
  it("is disabled and describes why when something blocks recording", () => {
    render(RecordButton, { ...idle, blocker: "Add an account to start" });
    const button = screen.getByRole("button", { name: "Record" });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(button.getAttribute("aria-pressed")).toBe("false");
    const reasonId = button.getAttribute("aria-describedby");
    expect(reasonId).not.toBeNull();
    expect(document.getElementById(reasonId ?? "")?.textContent).toBe("Add an account to start");
    expect(screen.getByRole("timer").textContent?.trim()).toBe("0:00");
  });

  it("is enabled with no reason when nothing blocks it", () => {
    render(RecordButton, { ...idle, blocker: null });
    const button = screen.getByRole("button", { name: "Record" });
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect(button.hasAttribute("aria-describedby")).toBe(false);
  });

  it("says the shortcut chosen in Settings, and how it works, with words spaced around it", () => {
    const { unmount } = render(RecordButton, { ...idle, blocker: null, shortcut: "Ctrl+Alt+R" });
    expect(document.getElementById("record-how")?.textContent?.replace(/\s+/g, " ").trim()).toBe(
      "Click to record (or press Ctrl+Alt+R from anywhere); again to stop. The note is ready the moment you stop.",
    );
    unmount();
    render(RecordButton, { ...idle, blocker: null, shortcut: "Ctrl+Alt+R", holdToTalk: true });
    expect(document.getElementById("record-how")?.textContent).toContain("hold Ctrl+Alt+R from anywhere while you speak");
  });

  it("while recording is a pressed toggle with the timer against the limit and the size", () => {
    render(RecordButton, { ...idle, blocker: null, status: status({}), maxBytes: 2 * 1024 * 1024 });
    const button = screen.getByRole("button", { name: "Stop recording" });
    expect(button.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("timer").textContent?.replace(/\s+/g, " ").trim()).toBe("0:12 / 1:00");
    expect(screen.getByText(/≈ 19 KB of 2 MB/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Pause" })).toBeTruthy();
  });

  it("turns amber and counts down in the last ten seconds before the limit", () => {
    render(RecordButton, { ...idle, blocker: null, status: status({ elapsedMs: 53_200 }) });
    const timer = screen.getByRole("timer");
    expect(timer.classList.contains("amber")).toBe(true);
    expect(timer.textContent).toContain("7 s left");
  });

  it("offers Resume when paused", () => {
    render(RecordButton, { ...idle, blocker: null, status: status({ state: "paused" }) });
    expect(screen.getByRole("button", { name: "Resume" })).toBeTruthy();
  });
});
