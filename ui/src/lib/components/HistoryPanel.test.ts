import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import HistoryPanel from "./HistoryPanel.svelte";
import type { SendView } from "../api";

const none = () => {};

function send(over: Partial<SendView>): SendView {
  return {
    id: 7,
    state: "sent",
    account: "Acme",
    platform: "whatsapp",
    platformName: "WhatsApp",
    recipient: "447700900123",
    recipientName: null,
    createdAt: "2026-11-21T10:42:00Z",
    durationMs: 31000,
    bytes: 64000,
    messageId: "wamid.HBgL",
    mediaId: null,
    reached: null,
    reportsReach: false,
    errorCode: null,
    errorMessage: null,
    errorRemedy: null,
    retryable: false,
    fix: null,
    audioUrl: "clip://localhost/send/7",
    ownAudio: null,
    fromApi: false,
    resent: false,
    bySession: false,
    ...over,
  };
}

describe("HistoryPanel", () => {
  it("names the data folder in its empty state", () => {
    render(HistoryPanel, {
      info: { version: "1.2.3", dataDir: "/home/a/.local/share/hark" },
      error: null,
      sends: [],
      onResend: none,
    });
    // As rendered: runs of white space read as one space.
    const shown = screen.getByText(/No notes yet/).textContent?.replace(/\s+/g, " ");
    expect(shown).toContain("listed here. They are kept in /home/a/.local/share/hark.");
  });

  it("marks a note another program sent through the local API", () => {
    render(HistoryPanel, {
      info: null,
      error: null,
      sends: [send({}), send({ id: 8, fromApi: true })],
      onResend: none,
    });
    const marked = document.querySelectorAll('[data-via="api"]');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.textContent).toBe("via the API");
    expect(marked[0]?.closest("li")?.dataset.send).toBe("8");
  });

  it("shows a command error as its message and remedy, as an alert", () => {
    render(HistoryPanel, {
      info: null,
      error: {
        code: "data_dir_unavailable",
        message: "Hark cannot create its data folder.",
        remedy: "Set HARK_DATA_DIR.",
        retryable: null,
        rawCode: null,
        rawMessage: null,
        sendId: null,
        fix: null,
        field: null,
      },
      sends: [],
      onResend: none,
    });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Hark cannot create its data folder.");
    expect(alert.textContent).toContain("Set HARK_DATA_DIR.");
  });

  it("lists sends with their status, message id, and a failed one's error, remedy and Resend", () => {
    render(HistoryPanel, {
      info: null,
      error: null,
      sends: [
        send({}),
        send({
          id: 8,
          state: "failed",
          messageId: null,
          errorCode: "messaging_window_closed",
          errorMessage: "The customer last wrote too long ago.",
          errorRemedy: "Wait until the customer writes again, then send.",
        }),
      ],
      onResend: none,
    });
    expect(screen.getByText("wamid.HBgL")).toBeTruthy();
    expect(screen.getByText(/too long ago/).textContent).toContain("Wait until the customer writes again");
    expect(screen.getAllByRole("button", { name: "Resend" })).toHaveLength(1);
    expect(screen.getByText("failed")).toBeTruthy();
  });
  it("offers a note the customer may have only as Send again, never as a plain Resend", () => {
    const asked: SendView[] = [];
    const resent: number[] = [];
    render(HistoryPanel, {
      info: null,
      error: null,
      sends: [
        send({ id: 8, state: "unknown", messageId: null, errorCode: "network", errorMessage: "WhatsApp stopped answering." }),
        send({ id: 9, state: "failed", messageId: null, errorCode: "network", retryable: true }),
      ],
      onResend: (id: number) => resent.push(id),
      onSendAgain: (s: SendView) => asked.push(s),
    });
    expect(screen.getByText("may have arrived")).toBeTruthy();
    expect(screen.getByText(/may\s+already have this note/)).toBeTruthy();
    // getByRole finds exactly one, or fails.
    screen.getByRole("button", { name: "Send again…" }).click();
    expect(asked.map((s) => s.id)).toEqual([8]);
    // Only the failed send has Resend.
    screen.getByRole("button", { name: "Resend" }).click();
    expect(resent).toEqual([9]);
  });

  it("offers nothing more for a note already sent again, and says the newer entry tells", () => {
    render(HistoryPanel, {
      info: null,
      error: null,
      sends: [
        send({ id: 11, state: "sent" }),
        send({ id: 10, state: "interrupted", messageId: null, resent: true }),
        send({
          id: 9,
          state: "failed",
          messageId: null,
          errorCode: "network",
          errorMessage: "Telegram stopped answering.",
          errorRemedy: "Try again.",
          retryable: true,
          resent: true,
        }),
        send({ id: 8, state: "unknown", messageId: null, errorCode: "network", resent: true }),
      ],
      onResend: none,
      onSendAgain: none,
    });
    expect(screen.queryByRole("button", { name: "Resend" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send again…" })).toBeNull();
    expect(screen.getAllByText(/newer entry shows where it stands/)).toHaveLength(3);
    expect(screen.queryByText(/it is kept/)).toBeNull();
    expect(screen.getByText(/stopped answering/).textContent).not.toContain("Try again");
  });

  it("offers no resend of a note sent with a session's credentials, and says where to send it from", () => {
    render(HistoryPanel, {
      info: null,
      error: null,
      sends: [
        send({ id: 5, state: "failed", messageId: null, errorCode: "network", bySession: true, fromApi: true }),
        send({ id: 4, state: "sent", bySession: true, fromApi: true }),
      ],
      onResend: none,
      onSendAgain: none,
    });
    expect(screen.queryByRole("button", { name: "Resend" })).toBeNull();
    expect(screen.getAllByText(/from the program that sent it/)).toHaveLength(1);
  });

  it("says how far a note got where the platform says, and what sent means elsewhere", () => {
    render(HistoryPanel, {
      info: null,
      error: null,
      sends: [
        send({ id: 1, platform: "whatsapp-gateway", reportsReach: true, reached: "played" }),
        send({ id: 2 }),
      ],
      onResend: none,
      onRefresh: none,
    });
    const [played, sent] = screen.getAllByText(/played|sent/);
    expect(played?.textContent).toBe("played");
    expect(sent?.getAttribute("title")).toContain("does not tell Hark whether it was delivered or heard");
    expect(screen.getByRole("button", { name: "Refresh" })).toBeTruthy();
  });
});
