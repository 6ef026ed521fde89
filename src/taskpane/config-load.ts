/**
 * Reading a configuration in the pane (one stored in the workbook, or a file a bureau imports):
 * the engine's parseConfigText and its zod schema, loaded on first use so that zod stays out of the
 * pane's first chunk (the default configuration is plain data: default-config.ts).
 */
import type { ConfigResult } from '../domain/config/validate';

export async function parseConfig(text: string): Promise<ConfigResult> {
  const { parseConfigText } = await import('../domain/config/validate');
  return parseConfigText(text);
}

/** The size check of an imported file, before it is read (the engine's configFileTooLarge). */
export async function configTooLarge(bytes: number): Promise<ConfigResult | null> {
  const { configFileTooLarge } = await import('../domain/config/validate');
  const tooLarge = configFileTooLarge(bytes);
  return tooLarge ? { ok: false, problems: [tooLarge] } : null;
}
