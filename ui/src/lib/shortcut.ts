/**
 * The global recording shortcut as the agent types it in Settings: a key press becomes
 * an accelerator the shell registers ("Ctrl+Alt+R"), and an accelerator is shown in
 * the words of the keyboard in front of the agent.
 */

/** The keys a press is made of, as a KeyboardEvent gives them. */
export interface Press {
  code: string;
  /** Used when `code` says nothing (some input methods and synthetic events give
   *  "Unidentified"). */
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const MODIFIER_CODES = /^(Shift|Control|Alt|Meta|OS|Super|Hyper|AltGraph|CapsLock|NumLock|Fn)/;

/** The physical key as a KeyboardEvent code ("KeyR", "Space", "F9"), from `code`, or
 *  from `key` when `code` is unknown. */
function physical(p: Press): string {
  if (p.code !== "" && p.code !== "Unidentified") return p.code;
  const k = p.key;
  if (/^[a-z]$/i.test(k)) return `Key${k.toUpperCase()}`;
  if (/^[0-9]$/.test(k)) return `Digit${k}`;
  if (k === " " || k === "Spacebar") return "Space";
  if (k === "Unidentified" || k === "Dead") return "";
  return k;
}

/** What a press means in the shortcut field. */
export type Captured =
  | { kind: "shortcut"; accelerator: string }
  /** Only modifiers so far: the agent is still pressing. */
  | { kind: "incomplete" }
  /** A key that would fire while typing elsewhere (a letter with no Ctrl, Alt or Super). */
  | { kind: "needs-modifier" };

function keyName(code: string): string {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  return code;
}

/** The accelerator a press makes, if it makes one. Shift alone is not enough (it is
 *  typing); an F key is enough by itself. */
export function capture(p: Press): Captured {
  const code = physical(p);
  if (code === "" || MODIFIER_CODES.test(code)) return { kind: "incomplete" };
  const fKey = /^F([1-9]|1[0-9]|2[0-4])$/.test(code);
  if (!p.ctrlKey && !p.altKey && !p.metaKey && !fKey) return { kind: "needs-modifier" };
  const parts = [];
  if (p.ctrlKey) parts.push("Ctrl");
  if (p.altKey) parts.push("Alt");
  if (p.shiftKey) parts.push("Shift");
  if (p.metaKey) parts.push("Super");
  parts.push(keyName(code));
  return { kind: "shortcut", accelerator: parts.join("+") };
}

/** An accelerator in words: "CommandOrControl+Shift+Space" is "Ctrl+Shift+Space" (or
 *  "Cmd+Shift+Space" on a Mac). */
export function shortcutLabel(accelerator: string, mac = false): string {
  return accelerator
    .split("+")
    .map((part) => {
      const p = part.trim();
      if (/^(CommandOrControl|CmdOrCtrl|CommandOrCtrl|CmdOrControl)$/i.test(p)) return mac ? "Cmd" : "Ctrl";
      if (/^(Control|Ctrl)$/i.test(p)) return "Ctrl";
      if (/^(Super|Meta|Command|Cmd)$/i.test(p)) return mac ? "Cmd" : "Super";
      if (/^(Option|Alt)$/i.test(p)) return mac ? "Option" : "Alt";
      return keyName(p);
    })
    .join("+");
}
