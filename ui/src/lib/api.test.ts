import { afterEach, describe, expect, it, vi } from "vitest";
import { clock, playable, size, sourceOf, spokenDuration, when } from "./api";

describe("how numbers read", () => {
  it("reads durations as a clock and aloud", () => {
    expect(clock(42_000)).toBe("0:42");
    expect(clock(65_400)).toBe("1:05");
    expect(spokenDuration(83_000)).toBe("1 minute 23 seconds");
    expect(spokenDuration(120_000)).toBe("2 minutes");
    expect(spokenDuration(0)).toBe("0 seconds");
  });

  it("reads sizes without needless decimals", () => {
    expect(size(12 * 1024)).toBe("12 KB");
    expect(size(300)).toBe("1 KB");
    expect(size(16 * 1024 * 1024)).toBe("16 MB");
    expect(size(2.5 * 1024 * 1024)).toBe("2.5 MB");
  });

  it("shows today's times as hours and minutes", () => {
    const now = new Date("2026-11-21T12:00:00");
    expect(when(new Date("2026-11-21T10:42:00").toISOString(), now)).toBe("10:42");
    expect(when("not a time", now)).toBe("not a time");
    expect(when(new Date("2026-11-19T10:42:00").toISOString(), now)).toMatch(/19.*10:42/);
  });
});

describe("where a note is played from", () => {
  const m4a = {
    audioUrl: "clip://localhost/abc?v=1",
    ownAudio: { url: "clip://localhost/abc?v=1&as=note", mime: 'audio/mp4; codecs="mp4a.40.2"' },
  };
  const player = (answer: CanPlayTypeResult) =>
    ({ canPlayType: (mime: string) => (mime === m4a.ownAudio.mime ? answer : "") }) as HTMLMediaElement;

  it("is the note itself where the player reads its format", () => {
    expect(sourceOf(m4a, player("maybe"))).toBe(m4a.ownAudio.url);
    expect(sourceOf(m4a, player("probably"))).toBe(m4a.ownAudio.url);
  });

  it("is what Hark decoded where it does not, or where there is nothing else", () => {
    expect(sourceOf(m4a, player(""))).toBe(m4a.audioUrl);
    expect(sourceOf({ audioUrl: "clip://localhost/ogg", ownAudio: null }, player("probably"))).toBe(
      "clip://localhost/ogg",
    );
    expect(sourceOf({ audioUrl: "clip://localhost/inbox/1" }, player("probably"))).toBe("clip://localhost/inbox/1");
  });
});

describe("how the player is given a note", () => {
  const createObjectURL = URL.createObjectURL;
  afterEach(() => {
    vi.unstubAllGlobals();
    URL.createObjectURL = createObjectURL;
  });

  it("streams from the shell's loopback server, fetching nothing", async () => {
    const fetched = vi.fn();
    vi.stubGlobal("fetch", fetched);
    const url = "http://127.0.0.1:41234/0123456789abcdef0123456789abcdef/abc?v=2&as=note";
    expect(await playable(url)).toBe(url);
    expect(fetched).not.toHaveBeenCalled();
  });

  it("fetches a clip: note whole into a blob, and says when it cannot", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(new Uint8Array([1, 2, 3]), { status: 200 })));
    URL.createObjectURL = () => "blob:tauri://localhost/1";
    expect(await playable("clip://localhost/abc?v=2")).toBe("blob:tauri://localhost/1");
    vi.stubGlobal("fetch", vi.fn(async () => new Response(null, { status: 404 })));
    await expect(playable("clip://localhost/gone")).rejects.toThrow("404");
  });
});
