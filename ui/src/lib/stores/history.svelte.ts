import { commands, type CommandError, type InboxItem, type SendView } from "../api";

/** The history of sends and the sandbox inbox, as the shell reports them. */
export const history = $state<{
  sends: SendView[];
  inbox: InboxItem[];
  error: CommandError | null;
}>({ sends: [], inbox: [], error: null });

export async function loadHistory(): Promise<void> {
  const result = await commands.history(100);
  if (result.status === "ok") {
    history.sends = result.data;
    history.error = null;
  } else {
    history.error = result.error;
  }
}

export async function loadInbox(): Promise<void> {
  const result = await commands.inbox();
  if (result.status === "ok") history.inbox = result.data;
}
