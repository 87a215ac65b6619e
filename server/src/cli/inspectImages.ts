import { mapWithConcurrency } from '../files/mapWithConcurrency';
import { parseImageReference } from '../kube/parseImageReference';
import type { TrustEngine } from '../trust/engine';
import type { TrustFailureKind } from '../trust/errors';
import type { TrustInspectJson } from '../trust/notary';

/** Repositories looked up at once. */
const LOOKUP_CONCURRENCY = 4;

/** What `image-trust inspect` learned about one IMAGE argument. */
export type ImageInspection =
  | {
      readonly kind: 'signed';
      readonly image: string;
      readonly json: TrustInspectJson;
      /** The `--pretty` text, built only when asked (10,000 tags: ~250 ms of table layout). */
      readonly pretty: () => string;
    }
  | {
      /** The repository has trust data but no valid signature for the tag (or for any tag): Docker still prints it. */
      readonly kind: 'no-signatures';
      readonly image: string;
      readonly json: TrustInspectJson;
      readonly pretty: () => string;
      readonly reason: string;
    }
  | {
      /** Nothing to print: Docker prints "no signatures or cannot access IMAGE" for these. */
      readonly kind: TrustFailureKind | 'invalid-reference';
      readonly image: string;
      readonly reason: string;
    };

export interface InspectImagesOptions {
  /** Notary server for every image; default Docker's choice per registry host (engine.trustServer). */
  readonly trustServer?: URL;
  readonly signal?: AbortSignal;
}

/**
 * `docker trust inspect IMAGE…` (cli/command/trust/inspect.go, notary-v1.md §5.3): the GUN is the
 * normalised name, the tag (when written) limits the rows, and `Name` is the argument as typed.
 * Results come back in argument order.
 */
export function inspectImages(
  engine: TrustEngine,
  images: readonly string[],
  options: InspectImagesOptions = {},
): Promise<ImageInspection[]> {
  return mapWithConcurrency(images, LOOKUP_CONCURRENCY, (image) => inspectImage(engine, image, options));
}

async function inspectImage(
  engine: TrustEngine,
  image: string,
  options: InspectImagesOptions,
): Promise<ImageInspection> {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { kind: 'invalid-reference', image, reason: parsed.error.message };
  const { ref } = parsed;
  if (ref.digest !== undefined) {
    // Trust data is looked up by tag (notary-v1.md §5.3); a digest names none.
    return {
      kind: 'invalid-reference',
      image,
      reason: 'a digest reference cannot be inspected; use IMAGE[:TAG]',
    };
  }
  const result = await engine.repository(ref.name, {
    ...(options.trustServer ? { trustServer: options.trustServer } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (result.kind !== 'verified') return { kind: result.kind, image, reason: result.error.message };
  const { repository } = result;
  const json = repository.inspect(image, ref.tag);
  const pretty = (): string => repository.formatPretty(image, ref.tag);
  if (json.SignedTags.length > 0) return { kind: 'signed', image, json, pretty };
  // notary-v1.md §5.2: only targets and targets/releases make a tag pullable, so e.g. ns/revoked ends here.
  const reason =
    ref.tag === undefined
      ? `no valid signatures for any tag of ${ref.name}`
      : `no valid signatures for ${ref.name}:${ref.tag}`;
  return { kind: 'no-signatures', image, json, pretty, reason };
}
