import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MACHINE_SCOPED_SETTINGS } from '../../../shared/trustSettings';

interface Property {
  readonly scope?: string;
  readonly markdownDescription?: string;
  readonly description?: string;
}

interface Manifest {
  readonly contributes: { readonly configuration: { readonly properties: Record<string, Property> } };
  readonly capabilities: {
    readonly untrustedWorkspaces: { readonly restrictedConfigurations: readonly string[] };
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;
const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;

/** Scopes VS Code never reads from workspace or folder settings. */
const USER_ONLY_SCOPES = ['machine', 'application'];

/** Settings whose workspace value would redirect lookups, vouch for a certificate or turn TLS off (issue 4). */
function isRiskySetting(key: string, property: Property): boolean {
  const text = `${property.markdownDescription ?? property.description ?? ''}`;
  return /https?:\/\/|\b(?:url|uri|ca|certificate|tls|insecure|helper|credential)s?\b/i.test(
    `${key} ${text}`,
  );
}

describe('settings scopes in package.json', () => {
  test('when a setting names a trust server, CA file or insecure host → it is machine-scoped', () => {
    assert.deepEqual(
      MACHINE_SCOPED_SETTINGS.map((key) => [key, properties[key]?.scope]),
      MACHINE_SCOPED_SETTINGS.map((key) => [key, 'machine']),
    );
  });

  test('when any contributed setting speaks of URLs, CAs, TLS or helpers → it is among the machine-scoped ones', () => {
    const risky = Object.entries(properties)
      .filter(([key, property]) => isRiskySetting(key, property))
      .map(([key]) => key)
      .sort();
    assert.deepEqual(risky, [...MACHINE_SCOPED_SETTINGS].sort());
  });

  test('when a setting is listed as restricted → it exists and can have a workspace value at all', () => {
    for (const key of restricted) {
      const scope = properties[key]?.scope;
      assert.ok(scope !== undefined, `${key} is not a contributed setting`);
      assert.ok(!USER_ONLY_SCOPES.includes(scope), `${key} is ${scope}-scoped: listing it restricts nothing`);
    }
    assert.deepEqual(restricted, ['imageTrust.network']);
  });

  test('when a machine-scoped setting is described → the description says a workspace cannot set it', () => {
    for (const key of MACHINE_SCOPED_SETTINGS) {
      const text = properties[key]?.markdownDescription ?? '';
      assert.match(text, /never from a workspace/, key);
      assert.doesNotMatch(text, /Restricted Mode/, key);
    }
  });
});
