import type {
  KeyedSigner,
  RoleExpiry,
  SignedTagsResult,
  TagEntry,
  TrustViewFailure,
} from '../../../shared/trustView';
import { failureAction, failureLabel, type NodeAction } from './failureNodes';

/**
 * The Signed Tags tree as plain data, built from protocol answers (no vscode import, so it is unit-tested
 * outside VS Code). `treeItems.ts` turns each node into a TreeItem; `contextValue` = `kind`.
 */
export type TrustNode =
  | { readonly kind: 'repository'; readonly id: string; readonly repository: string; readonly userAdded: boolean }
  | {
      readonly kind: 'failure';
      readonly id: string;
      readonly repository: string;
      readonly label: string;
      readonly tooltip: string;
      readonly action?: NodeAction;
    }
  | {
      readonly kind: 'tag';
      readonly id: string;
      readonly repository: string;
      readonly entry: TagEntry;
      readonly label: string;
      readonly description: string;
      readonly tooltip: string;
    }
  | { readonly kind: 'signers' | 'adminKeys'; readonly id: string; readonly repository: string; readonly children: readonly TrustNode[] }
  | {
      readonly kind: 'key';
      readonly id: string;
      readonly repository: string;
      readonly label: string;
      readonly description: string;
      readonly tooltip: string;
    }; // prettier-ignore

export type { NodeAction };

/** `sha256:` plus the first 12 hex digits, as Docker shortens IDs (formatter.TruncateID). */
export function shortDigest(digest: string): string {
  const hex = digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
  return `sha256:${hex.slice(0, 12)}`;
}

export function signersText(signers: readonly string[]): string {
  return signers.length === 0 ? 'Repo Admin' : [...signers].sort().join(', ');
}

function expiryOf(expiries: readonly RoleExpiry[], role: string): string | undefined {
  return expiries.find((entry) => entry.role === role)?.expires;
}

function tagNode(repository: string, entry: TagEntry, expiries: readonly RoleExpiry[]): TrustNode {
  const id = `${repository}\ntag\n${entry.tag}\n${entry.signedDigest ?? ''}`;
  const lines = [`**${repository}:${entry.tag}**`, ''];
  if (entry.state === 'unsigned') {
    lines.push('Not signed: the registry has this tag, Notary does not list it.');
    if (entry.registryDigest) lines.push('', `Registry digest: \`${entry.registryDigest}\``);
    return { kind: 'tag', id, repository, entry, label: entry.tag, description: 'unsigned', tooltip: lines.join('\n') };
  } // prettier-ignore
  const signed = entry.signedDigest ?? '';
  lines.push(`Signed digest: \`${signed}\``, '', `Signers: ${signersText(entry.signers)}`);
  if (entry.state === 'moved') {
    lines.push('', `⚠ The registry now serves \`${entry.registryDigest ?? ''}\`: pushed over since signing.`);
  } else if (entry.registryDigest) {
    lines.push('', 'The registry serves the signed digest.');
  }
  const targets = expiryOf(expiries, 'targets');
  if (targets) lines.push('', `Targets metadata expires ${targets}`);
  const prefix = entry.state === 'moved' ? '⚠ moved · ' : '';
  const description = `${prefix}${shortDigest(signed)} · ${signersText(entry.signers)}`;
  return { kind: 'tag', id, repository, entry, label: entry.tag, description, tooltip: lines.join('\n') };
}

function keyNode(repository: string, parent: string, signer: KeyedSigner, expires?: string): TrustNode {
  const ids = signer.keyIds;
  const tooltip = [
    `**${signer.name}**`,
    '',
    ...ids.map((id) => `- \`${id}\``),
    ...(expires ? ['', `Expires ${expires}`] : []),
  ].join('\n');
  return {
    kind: 'key',
    id: `${repository}\n${parent}\n${signer.name}`,
    repository,
    label: signer.name,
    description: ids.length === 0 ? 'no keys' : ids.map((id) => id.slice(0, 12)).join(', '),
    tooltip,
  };
}

/** Children of an expanded repository: a failure node, or tags (signed first), Signers, Administrative keys. */
export function repositoryChildren(result: SignedTagsResult): TrustNode[] {
  const { repository } = result;
  if (result.kind === 'failed') return [failureNode(repository, result.failure, result.server)];
  const nodes: TrustNode[] = result.tags.map((entry) => tagNode(repository, entry, result.expiries));
  if (result.registryFailure)
    nodes.push(failureNode(repository, result.registryFailure, undefined, 'registry'));
  nodes.push({
    kind: 'signers',
    id: `${repository}\nsigners`,
    repository,
    children: result.signers.map((signer) => keyNode(repository, 'signers', signer)),
  });
  const adminExpiry = (name: string): string | undefined =>
    expiryOf(result.expiries, name === 'Root' ? 'root' : 'targets');
  nodes.push({
    kind: 'adminKeys',
    id: `${repository}\nadminKeys`,
    repository,
    children: result.administrativeKeys.map((key) => keyNode(repository, 'adminKeys', key, adminExpiry(key.name))),
  }); // prettier-ignore
  return nodes;
}

export function failureNode(
  repository: string,
  failure: TrustViewFailure,
  server?: string,
  side: 'trust' | 'registry' = 'trust',
): TrustNode {
  const action = failureAction(failure);
  return {
    kind: 'failure',
    id: `${repository}\nfailure\n${side}`,
    repository,
    label: failureLabel(failure, side),
    tooltip: [failure.message, ...(server ? [`Trust server: ${server}`] : []), `Code: ${failure.code}`].join('\n\n'),
    ...(action ? { action } : {}),
  }; // prettier-ignore
}
