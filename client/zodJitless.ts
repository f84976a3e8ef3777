// The page's Content-Security-Policy allows no eval ('unsafe-eval' is absent from script-src). Zod 4
// probes `new Function` once, when its first object schema is built, to choose compiled parsers:
// the probe is caught, but the browser still reports a CSP violation on every office page
// (Lighthouse: "Issues were logged"). Zod reads its settings from this global, creating it only
// when absent, so setting it here first (the entry's first import, before any chunk with a
// schema loads) turns the probe and the compiled parsers off in the browser; the server keeps
// them. Form-sized inputs parse just as fast either way.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
