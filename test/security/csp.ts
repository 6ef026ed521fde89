/**
 * Reading the pane's Content-Security-Policy from its <meta http-equiv> tag (src/taskpane/taskpane.html
 * and the built dist/taskpane.html), for the security tests. Directive names are lower-cased;
 * sources are kept as written.
 */

/** An attribute's value in a tag, quoted or not; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? m[1] ?? m[2] ?? m[3] : undefined;
}

/** The CSP meta tags' content attributes of an HTML page. */
export function cspMetaContents(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    // quoted or not (the built page is minified: http-equiv=Content-Security-Policy)
    if (!/http-equiv\s*=\s*["']?Content-Security-Policy(?=["'\s>])/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag);
    if (content) out.push(content[1] ?? content[2] ?? content[3]);
  }
  return out;
}

/** A policy as directive → sources; a repeated directive keeps its first occurrence (as browsers do). */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const tokens = part.trim().split(/\s+/).filter((t) => t !== '');
    if (tokens.length === 0) continue;
    const name = tokens[0].toLowerCase();
    if (!out.has(name)) out.set(name, tokens.slice(1));
  }
  return out;
}

export const OFFICE_JS_HOSTS = ['https://appsforoffice.microsoft.com', 'https://appsforoffice.cdn.partner.office365.cn'];

/** What every build of the pane must say; throws (with the reason) on the first deviation. */
export function expectStrictPolicy(html: string): Map<string, string[]> {
  const metas = cspMetaContents(html);
  if (metas.length !== 1) throw new Error(`expected exactly one CSP meta tag, found ${metas.length}`);
  return parseCsp(metas[0]);
}
