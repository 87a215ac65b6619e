import type { PathStep } from '../yaml/navigate';
import type { PlainValue } from '../yaml/plainValue';

/**
 * Turns an Ajv instancePath (a JSON pointer) into YAML path steps. The plain value decides whether a
 * segment like "0" is a list index or a map key, since `{"0": …}` is a legal map.
 */
export function pointerToPath(pointer: string, value: PlainValue): PathStep[] {
  if (pointer === '') return [];
  const steps: PathStep[] = [];
  let current: PlainValue | undefined = value;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      steps.push(index);
      current = current[index];
    } else {
      steps.push(segment);
      current = current !== null && typeof current === 'object' ? current[segment] : undefined;
    }
  }
  return steps;
}

export function pathToPointer(path: readonly PathStep[]): string {
  return path.map((step) => '/' + String(step).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
