import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repositoryNames } from '../../../server/src/trustView/repositoryNames';
import { parseYamlFile } from '../../../server/src/yaml/yamlFile';

const POLICY = `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata: { name: p, namespace: default }
spec:
  repositories:
    - name: us.icr.io/mynamespace/*
      policy: { trust: { enabled: true } }
    - name: 127.0.0.1:5000/ns/signed
      policy: { trust: { enabled: true } }
`;
const POD = `apiVersion: v1
kind: Pod
metadata: { name: mypod }
spec:
  containers:
    - { name: a, image: "127.0.0.1:5000/ns/signed:latest" }
    - { name: b, image: hello-world:latest }
    - { name: c, image: "UPPER/Invalid" }
`;

describe('repositories named in workspace files', () => {
  test('when images and policies name repositories → each GUN once, sorted, with its sources; wildcards and invalid names left out', () => {
    const files = [
      parseYamlFile('file:///w/policy.yaml', 1, POLICY),
      parseYamlFile('file:///w/pod.yaml', 1, POD),
    ];
    assert.deepEqual(repositoryNames(files), [
      { name: '127.0.0.1:5000/ns/signed', sources: ['image', 'policy'] },
      { name: 'docker.io/library/hello-world', sources: ['image'] },
    ]);
  });
});
