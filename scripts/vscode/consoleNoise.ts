/**
 * The workbench mirrors the extension host's console (mocha's reporter) into the page console together with
 * its own log lines, formatted `%c INFO` + CSS + text (` INFO <text>` once formatted). The prefix is dropped; the workbench's own
 * chatter and known harmless noise (vscode-test-harness.md "Harmless noise") are shown only when verbose.
 */
const LOG_PREFIX = /^(?:%c)? +(?:TRACE|DEBUG|INFO|WARN|ERR|ERROR)(?: color: #[0-9a-f]+)? /i;

const NOISE = [
  /vsda/,
  /Failed to load resource/,
  /An iframe which has both allow-scripts and allow-same-origin/,
  /^Creation of workbench contribution/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^Extension host \(Remote\) is (?:un)?responsive/,
  /^(?:Creating a socket|Resolving connection token|Resolved connection token)/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Overwriting extension <</,
  /^The web worker extension host is started/,
  /^Time limit reached when tokenizing line/,
  /^Timed out getting tasks from/,
];

export function cleanConsoleLine(text: string): { line: string; noise: boolean } {
  const line = text.replace(LOG_PREFIX, '');
  return { line, noise: NOISE.some((pattern) => pattern.test(line)) };
}
