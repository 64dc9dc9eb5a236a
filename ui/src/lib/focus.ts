/** Keyboard focus: what can take it inside an element, and where it goes back to. */

const FOCUSABLE = [
  "button:not([disabled])",
  "input:not([disabled]):not([type=hidden])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  "a[href]",
  "[tabindex]:not([tabindex='-1'])",
].join(",");

/** The controls inside `root` that Tab reaches, in order. */
export function focusables(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (e) => !e.closest("[inert]") && e.getClientRects().length > 0,
  );
}

/**
 * Puts focus back on `opener` (the control that opened a dialog), or, when it has left
 * the page, on the first element `fallback` names that is there.
 */
export function restoreFocus(opener: HTMLElement | null, fallback?: string): void {
  if (opener && opener.isConnected && opener !== document.body) {
    opener.focus();
    return;
  }
  if (!fallback) return;
  // The fallback may be mounted in the same update that removed the opener: look once
  // the page has settled.
  setTimeout(() => {
    for (const selector of fallback.split(",")) {
      const target = document.querySelector<HTMLElement>(selector.trim());
      if (target && !target.hasAttribute("disabled")) {
        target.focus();
        return;
      }
    }
  }, 0);
}

/** Whether a key pressed on `target` belongs to a control that uses it itself. */
export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("dialog[open], [role=dialog], [role=alertdialog]")) return true;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    // A range (the seek bar) uses the arrows, not Space or Enter.
    return type !== "range" || key.startsWith("Arrow");
  }
  // Buttons, links and anything focusable act on Space and Enter themselves.
  return (key === " " || key === "Enter") && (tag === "BUTTON" || tag === "A" || target.tabIndex >= 0);
}
