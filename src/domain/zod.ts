/**
 * The one place zod is imported from. `jitless` must be set before any schema is defined:
 * otherwise zod 4 compiles parsers with `new Function`, which a strict CSP (no unsafe-eval) blocks.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
