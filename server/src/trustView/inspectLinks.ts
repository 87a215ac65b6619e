/**
 * Markdown command links that open the client's `image-trust-inspect:` documents (`docker trust inspect`
 * for the image, notary-v1.md §5.3–5.4). VS Code runs them only because the client marks hover Markdown as
 * trusted for exactly these commands (client/src/ctx.ts HOVER_COMMANDS); other editors show plain links.
 */
export function inspectLinks(image: string): string {
  const args = encodeURIComponent(JSON.stringify([image]));
  return `[Inspect trust data](command:imageTrust.inspect?${args}) · [as JSON](command:imageTrust.inspectJson?${args})`;
}
