import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import HistoryPanel from "./HistoryPanel.svelte";

describe("HistoryPanel", () => {
  it("names the data folder in its empty state", () => {
    render(HistoryPanel, { info: { version: "1.2.3", dataDir: "/home/a/.local/share/hark" }, error: null });
    // As rendered: runs of white space read as one space.
    const shown = screen.getByText(/No notes yet/).textContent?.replace(/\s+/g, " ");
    expect(shown).toContain(
      "listed here. They are kept in /home/a/.local/share/hark.",
    );
  });

  it("shows a command error as its message and remedy, as an alert", () => {
    render(HistoryPanel, {
      info: null,
      error: { code: "data_dir_unavailable", message: "Hark cannot create its data folder.", remedy: "Set HARK_DATA_DIR." },
    });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Hark cannot create its data folder.");
    expect(alert.textContent).toContain("Set HARK_DATA_DIR.");
  });
});
