import type { SignedTagRow } from './inspect';
import { naturalCompare } from './naturalOrder';
import { formatTable } from './tabwriter';

/** What `docker trust inspect --pretty` prints for one repository (inspect_pretty.go, notary-v1.md §5.4). */
export interface PrettyInspectInput {
  /** The image name as the user typed it. */
  readonly name: string;
  readonly rows: readonly SignedTagRow[];
  /** Signer name → canonical key IDs (targets/releases excluded). */
  readonly signers: ReadonlyMap<string, readonly string[]>;
  readonly rootKeyIds: readonly string[];
  readonly targetsKeyIds: readonly string[];
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function formatPrettyInspect(input: PrettyInspectInput): string {
  const { name } = input;
  let out = '';
  if (input.rows.length > 0) {
    out += `\nSignatures for ${name}\n\n`;
    const rows = input.rows.map((row) => {
      const signers = row.signers.length === 0 ? ['(Repo Admin)'] : [...row.signers].sort(byteOrder);
      return [row.tag, row.digest, signers.join(', ')];
    });
    out += formatTable([['SIGNED TAG', 'DIGEST', 'SIGNERS'], ...rows]);
  } else {
    out += `\nNo signatures for ${name}\n\n`;
  }
  if (input.signers.size > 0) {
    out += `\nList of signers and their keys for ${name}\n\n`;
    const signers = [...input.signers].sort(([a], [b]) => naturalCompare(a, b));
    const rows = signers.map(([signer, keys]) => [
      signer,
      [...keys]
        .sort(byteOrder)
        .map((id) => id.slice(0, 12))
        .join(', '),
    ]);
    out += formatTable([['SIGNER', 'KEYS'], ...rows]);
  }
  out += `\nAdministrative keys for ${name}\n\n`;
  // Roles sorted by name descending: "targets" (Repository Key) before "root" (Root Key).
  out += `  Repository Key:\t${[...input.targetsKeyIds].sort(byteOrder).join(', ')}\n`;
  out += `  Root Key:\t${[...input.rootKeyIds].sort(byteOrder).join(', ')}\n`;
  return out;
}

/** Several images' outputs are separated by "\n\n" (inspect.go runInspect). */
export function joinPrettyOutputs(outputs: readonly string[]): string {
  return outputs.join('\n\n');
}
