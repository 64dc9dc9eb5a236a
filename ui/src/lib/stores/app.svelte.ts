import { commands, type AppInfo, type CommandError } from "../api";

/** What the shell says about itself: version and data folder (from `app_info`). */
export const app = $state<{ info: AppInfo | null; error: CommandError | null }>({
  info: null,
  error: null,
});

export async function loadAppInfo(): Promise<void> {
  const result = await commands.appInfo();
  if (result.status === "ok") {
    app.info = result.data;
    app.error = null;
  } else {
    app.error = result.error;
  }
}
