import { describe, expect, it } from "vitest";
import { composerAction } from "./keys";

/** A key pressed with the focus on `target`. */
function press(target: HTMLElement, key: string, mods: Partial<KeyboardEventInit> = {}): KeyboardEvent {
  const attached = target !== document.body;
  if (attached) document.body.append(target);
  let seen: KeyboardEvent | null = null;
  target.addEventListener("keydown", (e) => (seen = e), { once: true });
  target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...mods }));
  if (attached) target.remove();
  if (!seen) throw new Error("no event");
  return seen;
}

function el(html: string): HTMLElement {
  const t = document.createElement("template");
  t.innerHTML = html;
  return t.content.firstElementChild as HTMLElement;
}

describe("the composer's keys", () => {
  it("Enter on a button is the button's, never a send", () => {
    expect(composerAction(press(el("<button id='discard'>Discard</button>"), "Enter"), false)).toBeNull();
    expect(composerAction(press(el("<button>▶</button>"), "Enter"), false)).toBeNull();
    expect(composerAction(press(document.body, "Enter"), false)).toBeNull();
  });

  it("sends from the To field with Enter, and from anywhere with Ctrl+Enter", () => {
    expect(composerAction(press(el("<input id='to' type='text'>"), "Enter"), false)).toBe("send");
    expect(composerAction(press(el("<button id='discard'>Discard</button>"), "Enter", { ctrlKey: true }), false)).toBe(
      "send",
    );
    expect(composerAction(press(el("<input id='search' type='text'>"), "Enter"), false)).toBeNull();
  });

  it("Space plays only where no control uses it", () => {
    expect(composerAction(press(el("<div>note</div>"), " "), false)).toBe("play");
    expect(composerAction(press(el("<button>Keep</button>"), " "), false)).toBeNull();
    expect(composerAction(press(el("<input id='to' type='text'>"), " "), false)).toBeNull();
    expect(composerAction(press(el("<input type='range'>"), " "), false)).toBe("play");
  });

  it("Esc asks before discarding; nothing acts while a dialog is open", () => {
    expect(composerAction(press(el("<input id='to' type='text'>"), "Escape"), false)).toBe("ask-discard");
    expect(composerAction(press(el("<button>x</button>"), "Escape"), true)).toBeNull();
    expect(composerAction(press(el("<button>x</button>"), "Enter", { ctrlKey: true }), true)).toBeNull();
    const inDialog = el("<div role='dialog'><button>Save</button></div>");
    const button = inDialog.querySelector("button") as HTMLElement;
    document.body.append(inDialog);
    let seen: KeyboardEvent | null = null;
    button.addEventListener("keydown", (e) => (seen = e), { once: true });
    button.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    inDialog.remove();
    expect(seen && composerAction(seen, false)).toBeNull();
  });
});
