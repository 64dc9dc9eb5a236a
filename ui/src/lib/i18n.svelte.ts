import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Lang } from "./bindings";

/* The window's words come from the same Fluent catalogs as the core's and the CLI's
   (locales/<lang>/*.ftl at the top of the repository), built into the page. */
const files = import.meta.glob<string>("../../../locales/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
});

export const LANGS: Lang[] = ["en", "zh-CN"];

function build(lang: Lang): FluentBundle {
  // Labels are plain text: no bidi isolation marks around arguments.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  for (const [path, text] of Object.entries(files)) {
    if (path.split("/").at(-2) === lang) bundle.addResource(new FluentResource(text));
  }
  return bundle;
}

const bundles = Object.fromEntries(LANGS.map((l) => [l, build(l)])) as Record<Lang, FluentBundle>;

/** The language the window speaks now. */
export const language = $state<{ current: Lang }>({ current: "en" });

export function setLanguage(lang: Lang): void {
  language.current = lang;
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** Whether the catalog of `lang` has message `id`. */
export function has(id: string, lang: Lang = "en"): boolean {
  return bundles[lang].hasMessage(id);
}

/** Message `id` in the window's language (English where it is not translated), with
 *  `args`; its `.app` attribute when it has one. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  return say(id, "app", args);
}

/** Attribute `part` of message `id`: the words on either side of an element the page
 *  draws itself (a path in its own style), as the language orders them. */
export function part(id: string, part: string): string {
  return say(id, part);
}

function say(id: string, attribute: string, args?: Record<string, FluentVariable>): string {
  for (const bundle of [bundles[language.current], bundles.en]) {
    const message = bundle.getMessage(id);
    const pattern = message?.attributes[attribute] ?? message?.value;
    if (pattern) return bundle.formatPattern(pattern, args);
  }
  return id;
}
