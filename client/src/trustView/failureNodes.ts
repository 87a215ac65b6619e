import type { TrustViewFailure } from '../../../shared/trustView';

/** A command a failure node runs when clicked: the one action that helps (never a modal). */
export interface NodeAction {
  readonly command: string;
  readonly title: string;
  readonly arguments: readonly unknown[];
}

export function failureLabel(failure: TrustViewFailure, side: 'trust' | 'registry'): string {
  const where = side === 'registry' ? 'Registry' : 'Trust data';
  switch (failure.reason) {
    case 'untrusted-workspace':
      return 'Not looked up in Restricted Mode';
    case 'offline':
      return 'Network lookups are off';
    case 'invalid-name':
      return 'Not a repository name';
    case 'no-trust-data':
      return 'No trust data (never signed on this server)';
    case 'unauthorized':
      return `${where}: login required — Log in…`;
    case 'configuration':
      return `${where}: ${failure.code === 'TLS_ERROR' ? 'TLS failed' : 'not configured'} — Set trust server…`;
    case 'verification':
      return `${where} does not verify (${failure.code})`;
    case 'unavailable':
      return `${where} unavailable (${failure.code}) — Set trust server…`;
  }
}

export function failureAction(failure: TrustViewFailure): NodeAction | undefined {
  const host = failure.host === undefined ? [] : [failure.host];
  switch (failure.reason) {
    case 'unauthorized':
      return { command: 'imageTrust.login', title: 'Log in…', arguments: host };
    case 'configuration':
    case 'unavailable':
    case 'no-trust-data':
      return { command: 'imageTrust.setTrustServer', title: 'Set trust server…', arguments: host };
    case 'untrusted-workspace':
      return { command: 'workbench.trust.manage', title: 'Manage Workspace Trust', arguments: [] };
    case 'offline':
      return {
        command: 'workbench.action.openSettings',
        title: 'Open Settings',
        arguments: ['imageTrust.network'],
      };
    case 'verification':
      return { command: 'imageTrust.showLog', title: 'Show Log', arguments: [] };
    case 'invalid-name':
      return undefined;
  }
}
