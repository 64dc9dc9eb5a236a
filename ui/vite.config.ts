import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The app loads the built files from ui/dist through Tauri; there is no dev server URL
// in tauri.conf.json, so `cargo build` always embeds what `vite build` wrote.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  // The catalogs (../locales) are shared with the core and the CLI.
  server: { fs: { allow: [".", "../locales"] } },
  build: {
    target: "safari16",
    outDir: "dist",
    emptyOutDir: true,
  },
  // Unit tests mount components in jsdom with Svelte's browser build.
  resolve: mode === "test" ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    globals: true,
    include: ["src/**/*.test.ts"],
  },
}));
