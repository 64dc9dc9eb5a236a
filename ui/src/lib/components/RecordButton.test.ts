import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import RecordButton from "./RecordButton.svelte";

describe("RecordButton", () => {
  it("is disabled and describes why when something blocks recording", () => {
    render(RecordButton, { blocker: "Add an account to start" });
    const button = screen.getByRole("button", { name: "Record" });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(button.getAttribute("aria-pressed")).toBe("false");
    const reasonId = button.getAttribute("aria-describedby");
    expect(reasonId).not.toBeNull();
    expect(document.getElementById(reasonId ?? "")?.textContent).toBe("Add an account to start");
    expect(screen.getByRole("timer").textContent).toBe("0:00");
  });

  it("is enabled with no reason when nothing blocks it", () => {
    render(RecordButton, { blocker: null });
    const button = screen.getByRole("button", { name: "Record" });
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect(button.hasAttribute("aria-describedby")).toBe(false);
  });
});
