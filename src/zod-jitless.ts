// Imported first by the browser entry: Zod's parsers run without compiling code at run time. Zod probes for
// `new Function` on its first object parse and the server's Content-Security-Policy (no 'unsafe-eval', see
// src/server/app.ts) refuses it, which Chromium reports as a violation; jitless Zod never probes.
import { z } from 'zod';

z.config({ jitless: true });
