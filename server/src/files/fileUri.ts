import { fileURLToPath, pathToFileURL } from 'node:url';

/** The `file:` URI of an absolute path, in Node's spelling. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The path of a `file:` URI, or undefined for other schemes (untitled documents, virtual workspaces). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined; // a malformed URI from the client names no file.
  }
}

/**
 * One spelling per file. VS Code percent-encodes more characters than Node does (`file:///a%20b` vs
 * `c%3A`), and the workspace index must not hold the same file twice under two URIs.
 */
export function canonicalUri(uri: string): string {
  const path = uriToPath(uri);
  return path === undefined ? uri : pathToUri(path);
}
