import { diagnoseReference } from './diagnoseReference';
import { domainProblem, type ReferenceProblem } from './diagnoseParts';
import type { ImageReference, ImageReferenceResult } from './imageReference';
import { parseNormalizedNamed, portierisAccepts } from './parseNormalizedNamed';
import {
  DEFAULT_DOMAIN,
  DEFAULT_TAG,
  DOMAIN_AND_PORT_REGEXP,
  OFFICIAL_REPO_PREFIX,
} from './referenceGrammar';
import { splitWrittenParts } from './writtenParts';
import type { Writable } from '../writable';

const MAX_PORT = 65535;

/**
 * Parses a container image string as Docker and Portieris do (portieris.md §2.4), and is stricter in
 * three places where Portieris lets a string through that the kubelet cannot pull or that is surely a
 * typo: a malformed digest after `@sha256:` (§2.4 item 1), a capitalised first component (Docker reads
 * `MyOrg/app` as registry host `MyOrg`), and a port above 65535. `portierisRejects` tells them apart.
 */
export function parseImageReference(text: string): ImageReferenceResult {
  // Pure and asked many times per edit for the same strings (image syntax, admission, trust): remember
  // the answers for the most recent distinct strings. Results are read-only.
  const known = parsedReferences.get(text);
  if (known) return known;
  const result = parseUncached(text);
  if (parsedReferences.size >= MAX_REMEMBERED_REFERENCES) parsedReferences.clear();
  parsedReferences.set(text, result);
  return result;
}

const MAX_REMEMBERED_REFERENCES = 4096;
const parsedReferences = new Map<string, ImageReferenceResult>();

function parseUncached(text: string): ImageReferenceResult {
  if (text.trim() === '') {
    // Portieris skips blank images instead of denying them (§2.4 item 6).
    return fail({ reason: 'empty', message: 'image reference is empty', offset: 0 }, false);
  }
  if (text !== text.trim()) {
    const offset = /^\s/.test(text) ? 0 : text.trimEnd().length;
    const problem = {
      reason: 'whitespace',
      message: 'image reference has leading or trailing whitespace',
      offset,
    } as const;
    return fail(problem, !portierisAccepts(text));
  }
  const parsed = parseNormalizedNamed(text);
  if (!parsed.ok) return fail(diagnoseReference(text, parsed.failure), !portierisAccepts(text));

  const { split, name } = parsed;
  const writtenName = splitWrittenParts(text).repo;
  if (split.choice === 'uppercase') {
    return fail(
      {
        reason: 'uppercase-repository',
        message:
          `repository name must be lowercase: ${JSON.stringify(writtenName)} ` +
          `(Docker would read ${JSON.stringify(split.domain)} as a registry host because it has capitals)`,
        offset: 0,
      },
      false,
    );
  }
  const hostAndPort = DOMAIN_AND_PORT_REGEXP.exec(split.domain);
  const host = hostAndPort?.[1];
  if (!hostAndPort || host === undefined) {
    // Go accepts e.g. `a_b.c/app` as a path with no domain at all; no registry has such a host.
    const problem = domainProblem(split.domain) ?? {
      reason: 'invalid-domain',
      message: `registry host ${JSON.stringify(split.domain)} is not a valid host name`,
    };
    return fail({ ...problem, offset: 0 }, false);
  }
  const port = hostAndPort[2];
  if (port !== undefined && Number(port) > MAX_PORT) {
    const message = `registry port ${port} is out of range (at most ${MAX_PORT})`;
    return fail(
      { reason: 'invalid-port', message, offset: split.writtenDomainLength - port.length - 1 },
      false,
    );
  }

  const path = name.slice(split.domain.length + 1);
  // Optional fields are set after the literal: a literal that spreads them in V8 defines every later
  // field through the runtime, ~8 times slower, for each of a large file's images (bench/notes.md).
  const ref: Writable<ImageReference> = {
    original: text,
    domain: host.startsWith('[') ? host.slice(1, -1) : host,
    registryHost: split.domain,
    path,
    name,
    trustTag: parsed.tag ?? DEFAULT_TAG,
    writtenName,
    portierisPanics: parsed.digest !== undefined && parsed.tag === undefined && !text.includes('@sha256:'),
    familiar: familiarName(split.domain, path, name),
  };
  if (port !== undefined) ref.port = port;
  if (parsed.tag !== undefined) ref.tag = parsed.tag;
  if (parsed.digest !== undefined) ref.digest = parsed.digest;
  return { ok: true, ref };
}

/** distribution/reference `familiarizeName`: drop `docker.io/`, and `library/` for one-level names. */
function familiarName(registryHost: string, path: string, name: string): string {
  if (registryHost !== DEFAULT_DOMAIN) return name;
  const official = path.startsWith(OFFICIAL_REPO_PREFIX)
    ? path.slice(OFFICIAL_REPO_PREFIX.length)
    : undefined;
  return official !== undefined && !official.includes('/') ? official : path;
}

function fail(problem: ReferenceProblem, portierisRejects: boolean): ImageReferenceResult {
  return { ok: false, error: { ...problem, portierisRejects } };
}
