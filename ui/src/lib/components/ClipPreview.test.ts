import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render } from "@testing-library/svelte";
import { tick } from "svelte";
import ClipPreview from "./ClipPreview.svelte";
import type { ClipView } from "../api";

const none = () => {};
const DECODED = "http://127.0.0.1:4000/t/clip-1";
const OWN = "http://127.0.0.1:4000/t/clip-1?as=note";

function clip(over: Partial<ClipView> = {}): ClipView {
  return {
    id: "clip-1",
    platform: "messenger",
    format: "AAC (M4A)",
    durationMs: 600000,
    bytes: 5000000,
    passedThrough: false,
    trimmed: false,
    verdicts: [],
    sendable: true,
    peaks: [0.2, 0.5, 0.9],
    audioUrl: DECODED,
    ownAudio: null,
    source: null,
    ...over,
  };
}

function show(c: ClipView) {
  render(ClipPreview, {
    clip: c,
    canSend: true,
    sending: false,
    platformName: "Messenger",
    onSend: none,
    onDiscard: none,
    onTrim: none,
  });
  return document.querySelector("#preview audio") as HTMLAudioElement;
}

function element(css: string): Element {
  const found = document.querySelector(css);
  if (!found) throw new Error(`no ${css}`);
  return found;
}

/** Lets the source's promise settle and the page update. */
async function settle() {
  await Promise.resolve();
  await tick();
}

let play: ReturnType<typeof vi.fn>;
beforeEach(() => {
  // jsdom has no media player: play() is counted, and every format is readable.
  play = vi.fn(() => Promise.resolve());
  HTMLMediaElement.prototype.play = play as unknown as () => Promise<void>;
  HTMLMediaElement.prototype.pause = vi.fn();
  HTMLMediaElement.prototype.canPlayType = () => "maybe";
});
afterEach(() => vi.restoreAllMocks());

describe("ClipPreview's player", () => {
  it("has no source until the pointer reaches Play or the seek bar", async () => {
    const audio = show(clip());
    await settle();
    expect(audio.hasAttribute("src")).toBe(false);
    await fireEvent.pointerEnter(element("#seek"));
    expect(audio.getAttribute("src")).toBe(DECODED);
    expect(play).not.toHaveBeenCalled();
  });

  it("loads on a press of Play without the pointer, and plays once it can", async () => {
    const audio = show(clip());
    await settle();
    (document.querySelector("#play") as HTMLButtonElement).click();
    await tick();
    expect(audio.getAttribute("src")).toBe(DECODED);
    expect(play).not.toHaveBeenCalled();
    await fireEvent.canPlay(audio);
    expect(play).toHaveBeenCalledTimes(1);
    // Ready, a press plays at once.
    await fireEvent.playing(audio);
    (document.querySelector("#play") as HTMLButtonElement).click();
    expect(play).toHaveBeenCalledTimes(2);
  });

  it("plays what Hark decoded when the player turns the note itself down after a press", async () => {
    const audio = show(clip({ ownAudio: { url: OWN, mime: "audio/mp4" } }));
    await settle();
    (document.querySelector("#play") as HTMLButtonElement).click();
    await tick();
    expect(audio.getAttribute("src")).toBe(OWN);
    await fireEvent.error(audio);
    await settle();
    expect(audio.getAttribute("src")).toBe(DECODED);
    expect(audio.dataset.source).toBe("decoded");
    await fireEvent.canPlay(audio);
    expect(play).toHaveBeenCalledTimes(1);
  });

  it("does not start playing on its own when it was never pressed", async () => {
    const audio = show(clip());
    await settle();
    await fireEvent.pointerEnter(element("#play"));
    await fireEvent.canPlay(audio);
    expect(play).not.toHaveBeenCalled();
  });

  it("keeps a place chosen before the note's length is known", async () => {
    const audio = show(clip());
    await settle();
    const seek = document.querySelector("#seek") as HTMLInputElement;
    seek.value = "300";
    await fireEvent.input(seek);
    expect(audio.getAttribute("src")).toBe(DECODED);
    expect(document.querySelector("#clip-elapsed")?.textContent).toBe("5:00");
    let at = 0;
    Object.defineProperty(audio, "readyState", { value: HTMLMediaElement.HAVE_METADATA });
    Object.defineProperty(audio, "currentTime", {
      get: () => at,
      set: (v: number) => (at = v),
    });
    await fireEvent.loadedMetadata(audio);
    expect(at).toBe(300);
  });
});
