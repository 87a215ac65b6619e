import { format } from 'node:util';
import type { ConsoleMessage, Page } from 'playwright-core';
import { cleanConsoleLine } from './consoleNoise';

/**
 * Prints the page console in order. The workbench forwards the extension host's console.log calls with
 * their printf-style arguments (mocha: `%s%s`, `%d`), so they are formatted like Node does (`%c` CSS dropped).
 * `drain()` resolves once every message received so far is printed.
 */
export function forwardConsole(
  page: Page,
  print: (line: string, noise: boolean) => void,
): { drain(): Promise<void> } {
  let queue = Promise.resolve();
  page.on('console', (message) => {
    const text = formatted(message);
    queue = queue.then(async () => {
      const { line, noise } = cleanConsoleLine(await text);
      print(line, noise);
    });
  });
  return { drain: () => queue };
}

async function formatted(message: ConsoleMessage): Promise<string> {
  try {
    const values: unknown[] = await Promise.all(message.args().map((arg) => arg.jsonValue()));
    // Workbench log lines put `%c LEVEL` + CSS before the real arguments, which carry their own format.
    const styled =
      typeof values[0] === 'string' && values[0].startsWith('%c') && typeof values[1] === 'string';
    const rest = styled ? values.slice(2) : values;
    return rest.length > 0 ? format(...rest) : message.text();
  } catch {
    return message.text();
  }
}
