import { ownsKey } from "./focus";

/**
 * The composer's keyboard model, in one place. Enter and Space act on the control that
 * has focus (the browser's own behaviour), with these additions:
 * - **Ctrl+Enter** sends, from anywhere in the window (the chord is shown on Send);
 * - **Enter in the To field** sends, as in a chat box (when the arrows reached one of
 *   its matches, the field takes that match instead, and prevents this);
 * - **Space** plays or pauses the preview when focus is on no control that uses Space;
 * - **Esc** asks whether to discard the note, with the focus on the question.
 * Nothing happens while a dialog is open: its keys are its own.
 */
export type ComposerAction = "send" | "play" | "ask-discard";

export function composerAction(e: KeyboardEvent, dialogOpen: boolean): ComposerAction | null {
  if (dialogOpen || e.defaultPrevented || e.isComposing) return null;
  const target = e.target;
  if (target instanceof HTMLElement && target.closest("dialog[open], [role=dialog], [role=alertdialog]")) return null;
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) return "send";
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === "Enter" && target instanceof HTMLInputElement && target.id === "to") return "send";
  if (e.key === " " && !ownsKey(target, e.key)) return "play";
  if (e.key === "Escape") return "ask-discard";
  return null;
}

/** Whether a modal dialog is open on the page. */
export function dialogIsOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}
