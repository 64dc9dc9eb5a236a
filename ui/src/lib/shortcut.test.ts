import { describe, expect, it } from "vitest";
import { capture, shortcutLabel, type Press } from "./shortcut";

const press = (code: string, mods: Partial<Press> = {}): Press => ({
  code,
  key: "Unidentified",
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe("the recording shortcut", () => {
  it("turns a chord into an accelerator, modifiers in a fixed order", () => {
    expect(capture(press("KeyR", { ctrlKey: true, altKey: true }))).toEqual({ kind: "shortcut", accelerator: "Ctrl+Alt+R" });
    expect(capture(press("Space", { shiftKey: true, ctrlKey: true }))).toEqual({
      kind: "shortcut",
      accelerator: "Ctrl+Shift+Space",
    });
    expect(capture(press("Digit5", { metaKey: true }))).toEqual({ kind: "shortcut", accelerator: "Super+5" });
    expect(capture(press("F9"))).toEqual({ kind: "shortcut", accelerator: "F9" });
  });

  it("waits while only modifiers are held", () => {
    expect(capture(press("ControlLeft", { ctrlKey: true }))).toEqual({ kind: "incomplete" });
    expect(capture(press("ShiftRight", { shiftKey: true }))).toEqual({ kind: "incomplete" });
  });

  it("refuses keys that would fire while typing", () => {
    expect(capture(press("KeyR"))).toEqual({ kind: "needs-modifier" });
    expect(capture(press("KeyR", { shiftKey: true }))).toEqual({ kind: "needs-modifier" });
    expect(capture(press("Enter"))).toEqual({ kind: "needs-modifier" });
  });

  it("reads the key when the physical code is unknown", () => {
    const byKey = (key: string, mods: Partial<Press> = {}) => capture(press("Unidentified", { key, ...mods }));
    expect(byKey("r", { ctrlKey: true, altKey: true })).toEqual({ kind: "shortcut", accelerator: "Ctrl+Alt+R" });
    expect(byKey("R", { ctrlKey: true, shiftKey: true })).toEqual({ kind: "shortcut", accelerator: "Ctrl+Shift+R" });
    expect(byKey(" ", { ctrlKey: true })).toEqual({ kind: "shortcut", accelerator: "Ctrl+Space" });
    expect(byKey("F5")).toEqual({ kind: "shortcut", accelerator: "F5" });
    expect(byKey("Control", { ctrlKey: true })).toEqual({ kind: "incomplete" });
    expect(byKey("Unidentified", { ctrlKey: true })).toEqual({ kind: "incomplete" });
  });

  it("shows an accelerator in the keyboard's words", () => {
    expect(shortcutLabel("CommandOrControl+Shift+Space")).toBe("Ctrl+Shift+Space");
    expect(shortcutLabel("CommandOrControl+Shift+Space", true)).toBe("Cmd+Shift+Space");
    expect(shortcutLabel("Ctrl+Alt+KeyR")).toBe("Ctrl+Alt+R");
  });
});
