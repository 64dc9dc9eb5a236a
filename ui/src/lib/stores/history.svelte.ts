import { commands, type CommandError, type InboxItem, type SendView } from "../api";

/** How many sends the history shows at a time ("Show older" brings the next ones). */
export const PAGE = 50;

/** The history of sends (searched, a page at a time) and the sandbox inbox. */
export const history = $state<{
  sends: SendView[];
  query: string;
  /** The last page was full: there may be older sends. */
  more: boolean;
  inbox: InboxItem[];
  error: CommandError | null;
  /** Asking how far sent notes got (where the platform says). */
  refreshing: boolean;
  /** What that could not ask, in words. */
  refreshNote: string | null;
}>({ sends: [], query: "", more: false, inbox: [], error: null, refreshing: false, refreshNote: null });

/** The newest sends that match the search, as many as are shown now (at least a page). */
export async function loadHistory(): Promise<void> {
  const shown = Math.max(PAGE, history.sends.length);
  const query = history.query;
  const result = await commands.history(query, null, shown);
  if (query !== history.query) return; // typed on meanwhile
  if (result.status === "ok") {
    history.sends = result.data;
    history.more = result.data.length === shown;
    history.error = null;
  } else {
    history.error = result.error;
  }
}

/** Searches the history from the newest send. */
export async function searchHistory(query: string): Promise<void> {
  history.query = query;
  history.sends = [];
  await loadHistory();
}

/** The next page of older sends. */
export async function loadOlder(): Promise<void> {
  const last = history.sends[history.sends.length - 1];
  if (!last) return;
  const result = await commands.history(history.query, last.id, PAGE);
  if (result.status === "ok") {
    history.sends = [...history.sends, ...result.data];
    history.more = result.data.length === PAGE;
  }
}

export async function loadInbox(): Promise<void> {
  const result = await commands.inbox();
  if (result.status === "ok") history.inbox = result.data;
}

/** Asks the platforms that say so how far the last week's notes got (a gateway:
 *  delivered, read, played), then shows the history again if any got further. */
export async function refreshReached(): Promise<void> {
  if (history.refreshing) return;
  history.refreshing = true;
  const result = await commands.refreshReached();
  history.refreshing = false;
  if (result.status === "error") {
    history.refreshNote = `${result.error.message} ${result.error.remedy}`;
    return;
  }
  history.refreshNote = result.data.failed.length > 0 ? result.data.failed.join(" ") : null;
  if (result.data.changed > 0) await loadHistory();
}
