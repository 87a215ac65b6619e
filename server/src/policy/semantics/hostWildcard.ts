import type { Finding } from '../../diagnostics/finding';
import type { PolicyObject, RepositoryEntry } from '../types';
import { compare, compareImageRef } from '../wildcard';
import { finding, type SemanticContext } from './context';
import { isDomainAnchored, splitPattern } from './hostPattern';

/**
 * Host wildcards under the v0.14.2 host-anchored matching (portieris.md §2.3). Reported:
 * 1. a pattern without `/` (other than `*`) whose `*` precedes any `:`/`@`: it is matched against the whole
 *    reference, so the `*` still crosses `/` and hosts (`icr.io*` matches `icr.io.evil.com/x`);
 * 2. a host glob not anchored at a domain (`*icr.io`, `icr.io*`, `*.io`, `*`): it matches hosts of others;
 * 3. `*.domain/rest` with no `domain/rest` entry beside it: the host `*` cannot reach into the path any more,
 *    and `*.icr.io` never matches the bare `icr.io`.
 */
export function checkHostWildcards(context: SemanticContext): Finding[] {
  const findings: Finding[] = [];
  // Loops by index: see `SemanticContext`.
  for (let p = 0; p < context.policies.length; p++) {
    const policy = context.policies[p];
    for (let e = 0; e < policy.repositories.length; e++) {
      const entry = policy.repositories[e];
      const message = problemOf(entry, policy);
      if (message)
        findings.push(finding(context, 'policy-host-wildcard', 'warning', entry.nameSpan, message));
    }
  }
  return findings;
}

function problemOf(entry: RepositoryEntry, policy: PolicyObject): string | undefined {
  const name = entry.name;
  if (!name.includes('*') || /^\*+$/.test(name)) return undefined;
  const { host, rest } = splitPattern(name);
  if (host === undefined) return wholeReferenceProblem(name);
  if (!host.includes('*')) return undefined;
  if (!isDomainAnchored(host)) return unanchoredHostProblem(host, rest);
  const apex = host.startsWith('*.') && !host.slice(2).includes('*') ? host.slice(2) : undefined;
  if (!apex || policy.repositories.some((other) => other.name === `${apex}/${rest}`)) return undefined;
  return (
    `"${host}" matches hosts below ${apex} only, never ${apex} itself, and since Portieris v0.14.2 a "*" in the ` +
    `host part cannot reach into the path. Images from ${apex} need their own entry "${apex}/${rest}".`
  );
}

function wholeReferenceProblem(name: string): string | undefined {
  const beforeStar = name.slice(0, name.indexOf('*'));
  // After a `:` or `@` the star can only reach tags and digests, which contain no `/`.
  if (beforeStar.includes(':') || beforeStar.includes('@')) return undefined;
  const star = name.indexOf('*');
  const example = exampleFor(name, star, star === 0 ? 'evil.example/' : '.evil.example/x');
  const matches = compareImageRef(name, example) ? `, e.g. "${example}"` : '';
  return (
    `"${name}" has no "/", so it is matched against the whole image reference and its "*" crosses "/" and ` +
    `registry hosts${matches}. Name the registry host and path, or drop the "*" to allow any tag of one image.`
  );
}

function unanchoredHostProblem(host: string, rest: string): string {
  const star = host.lastIndexOf('*');
  const atEnd = star + 1 === host.length;
  const fill = !atEnd ? 'evil' : star === 0 || host[star - 1] === '.' ? 'evil.example' : '.evil.example';
  const example = exampleFor(host, star, fill);
  const shown = compare(host, example) ? `, e.g. "${example}/${rest.replace(/\*/g, 'x')}"` : '';
  const literal = host.replace(/\*/g, '');
  const rewrite =
    /^[a-z0-9][a-z0-9.-]*(:[0-9]+)?$/i.test(literal) && !/[.-](:|$)/.test(literal)
      ? ` ("${literal}/${rest}")`
      : '';
  return (
    `The host pattern "${host}" is matched against the registry host only (Portieris v0.14.2), but it still ` +
    `matches registries that are not yours${shown}. Anchor it at a domain ("*.example.com/…") or write the ` +
    `host literally${rewrite}.`
  );
}

/** The pattern with the `*` at `attackerStar` replaced by `fill` and every other `*` by `x`. */
function exampleFor(pattern: string, attackerStar: number, fill: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    out += i === attackerStar ? fill : pattern[i] === '*' ? 'x' : pattern[i];
  }
  return out;
}
