import { parseImageReference, type ImageReference } from '../kube';
import type { TrustEngine } from '../trust/engine';
import { formatInspectJson, type TrustedRepository } from '../trust/notary';
import type {
  InspectFormat,
  InspectResult,
  KeyedSigner,
  SignedTagsResult,
  TrustViewFailure,
} from '../../../shared/trustView';
import type { ImageTrustSettings } from '../../../shared/settings';
import type { EngineHolder } from './engineHolder';
import { plainFailure, toFailure } from './failures';
import type { LookupStatus } from './lookupStatus';
import { registryFacts } from './registryFacts';
import { tagEntries } from './tagStates';
import { trustServerFor } from './trustServerFor';

type Verified = { readonly repository: TrustedRepository; readonly server: string };

/**
 * What the Signed Tags view and the inspect document show, from the trust engine. Knows nothing of the
 * LSP connection. Nothing is fetched in an untrusted workspace or with `imageTrust.network` off.
 */
export class TrustViewService {
  constructor(
    private readonly engines: EngineHolder,
    private readonly status: LookupStatus,
  ) {}

  async signedTags(name: string, settings: ImageTrustSettings): Promise<SignedTagsResult> {
    const target = this.target(name, settings);
    if ('failure' in target) return { kind: 'failed', repository: name, failure: target.failure };
    const { ref, engine } = target;
    const [trust, registry] = await Promise.all([
      this.verify(ref, engine, settings),
      this.status.track(() => registryFacts(engine, ref)),
    ]);
    if ('failure' in trust) {
      return { kind: 'failed', repository: ref.name, ...serverOf(trust), failure: trust.failure };
    }
    if (registry.failure) this.status.failed(`${ref.registryHost}: ${registry.failure.message}`);
    const { repository, server } = trust;
    const rows = repository.signedTags();
    const digests = await this.status.track(() => registry.digestsOf(rows.map((row) => row.tag)));
    const inspect = repository.inspect();
    const keyed = (signers: typeof inspect.Signers): KeyedSigner[] =>
      signers.map((s) => ({ name: s.Name, keyIds: (s.Keys ?? []).map((key) => key.ID) }));
    return {
      kind: 'ok',
      repository: ref.name,
      server,
      tags: tagEntries(rows, registry.tags, digests),
      signers: keyed(inspect.Signers).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      administrativeKeys: keyed(inspect.AdministrativeKeys),
      expiries: repository
        .expiries()
        .map(({ role, expires }) => ({ role, expires: new Date(expires).toISOString() })),
      ...(registry.failure ? { registryFailure: registry.failure } : {}),
    };
  }

  /** `docker trust inspect [--pretty] IMAGE` (notary-v1.md §5.3–5.4); `image` is shown as typed. */
  async inspect(image: string, format: InspectFormat, settings: ImageTrustSettings): Promise<InspectResult> {
    const target = this.target(image, settings);
    if ('failure' in target) return { kind: 'failed', failure: target.failure };
    const trust = await this.verify(target.ref, target.engine, settings);
    if ('failure' in trust) return { kind: 'failed', failure: trust.failure };
    const tag = target.ref.tag;
    const text =
      format === 'pretty'
        ? trust.repository.formatPretty(image, tag)
        : formatInspectJson([trust.repository.inspect(image, tag)]);
    return { kind: 'ok', text };
  }

  private target(
    name: string,
    settings: ImageTrustSettings,
  ): { ref: ImageReference; engine: TrustEngine } | { failure: TrustViewFailure } {
    const parsed = parseImageReference(name.trim());
    if (!parsed.ok) return { failure: plainFailure('invalid-name', `"${name}" is not an image reference`) };
    if (!settings.workspaceTrusted) {
      return {
        failure: plainFailure(
          'untrusted-workspace',
          'Trust data is not fetched in Restricted Mode: trust this workspace to look it up.',
        ),
      };
    }
    if (!settings.trust.network) {
      return { failure: plainFailure('offline', 'Network lookups are off (imageTrust.network).') };
    }
    return { ref: parsed.ref, engine: this.engines.engineFor(settings.trust) };
  }

  private async verify(
    ref: ImageReference,
    engine: TrustEngine,
    settings: ImageTrustSettings,
  ): Promise<Verified | { failure: TrustViewFailure; server?: string }> {
    const trustServer = trustServerFor(ref, settings.trust.servers);
    const result = await this.status.track(() =>
      engine.repository(ref.name, trustServer === undefined ? {} : { trustServer }),
    );
    const server = result.server?.href;
    if (result.kind === 'verified') return { repository: result.repository, server: result.server.href };
    const failure = toFailure(result.error, ref.registryHost);
    if (failure.reason !== 'no-trust-data') this.status.failed(`${ref.name}: ${failure.message}`);
    return { failure, ...(server === undefined ? {} : { server }) };
  }
}

function serverOf(trust: { server?: string }): { server?: string } {
  return trust.server === undefined ? {} : { server: trust.server };
}
