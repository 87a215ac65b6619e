/**
 * The manifest media types a registry may answer with. All four must be in `Accept`: without the Docker
 * v2 type distribution converts a v2s2 manifest to schema1 with another digest, and without the OCI type
 * it answers 404 for an OCI manifest (trust-lab.md "Pitfall 1", "Pitfall 2").
 */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
] as const;

export const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
