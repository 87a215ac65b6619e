/**
 * The `rel="next"` target of an RFC 8288 `Link` header, resolved against the page's URL, as registries
 * paginate `tags/list` (`</v2/x/tags/list?last=b&n=2>; rel="next"`, distribution-spec "Listing Tags").
 */
export function nextLink(header: string | undefined, current: URL): URL | undefined {
  if (header === undefined) return undefined;
  const link = /<([^>]*)>((?:\s*;\s*[^;,]*)*)/g;
  for (let match = link.exec(header); match !== null; match = link.exec(header)) {
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!relations.includes('next')) continue;
    try {
      return new URL(match[1] ?? '', current);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
