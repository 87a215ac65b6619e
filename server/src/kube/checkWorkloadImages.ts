import { NO_FINDINGS, type Finding, type FindingData } from '../diagnostics/finding';
import type { YamlDocument, YamlFile } from '../yaml/yamlFile';
import { findWorkloadImages } from './findWorkloadImages';
import { goQuote } from './goQuote';
import type { ImageReferenceError } from './imageReference';
import { parseImageReference } from './parseImageReference';
import { imagePointer, type WorkloadImage } from './workloadImage';

/**
 * Image findings for every workload image of the file:
 * - `image-invalid-reference` (error) when the string is not a valid reference; when Portieris checks the
 *   image and its parser fails too, the message ends with the controller's own denial
 *   `Deny "<image>", invalid image name` (portieris.md §2.4 item 2, §3.7).
 * - `image-ephemeral-not-checked` (information) for `ephemeralContainers` (§4.5).
 *
 * `data` (JSON): `{ image, pointer, containerType, index, documentIndex, objectPath, enforced }`, plus
 * `{ reason, offset?, portierisRejects }` on `image-invalid-reference`.
 */
export function checkWorkloadImages(file: YamlFile): Finding[] {
  return file.documents.flatMap((doc) => checkDocumentWorkloadImages(file, doc));
}

/** The same findings for one document of the file (they depend on nothing else). */
export function checkDocumentWorkloadImages(file: YamlFile, doc: YamlDocument): Finding[] {
  return findWorkloadImages(doc).flatMap((image) => findingsFor(file, image));
}

function findingsFor(file: YamlFile, image: WorkloadImage): readonly Finding[] {
  const parsed = parseImageReference(image.image);
  const ephemeral = image.containerType === 'ephemeralContainers';
  // Most images have neither finding: their range and data are built only for a finding.
  if (parsed.ok && !ephemeral) return NO_FINDINGS;
  const range = file.lines.rangeOf(image.start, image.end);
  const base: FindingData = {
    image: image.image,
    pointer: imagePointer(image),
    containerType: image.containerType,
    index: image.index,
    documentIndex: image.documentIndex,
    objectPath: [...image.objectPath],
    enforced: image.enforced,
  };
  const findings: Finding[] = [];
  if (!parsed.ok) {
    findings.push({
      code: 'image-invalid-reference',
      severity: 'error',
      message: invalidMessage(image, parsed.error),
      range,
      data: {
        ...base,
        reason: parsed.error.reason,
        ...(parsed.error.offset === undefined ? {} : { offset: parsed.error.offset }),
        portierisRejects: parsed.error.portierisRejects,
      },
    });
  }
  if (ephemeral) {
    findings.push({
      code: 'image-ephemeral-not-checked',
      severity: 'information',
      message:
        `Portieris does not inspect ephemeralContainers: ${JSON.stringify(image.image)} is not checked ` +
        'against image policies at admission.',
      range,
      data: base,
    });
  }
  return findings;
}

function invalidMessage(image: WorkloadImage, error: ImageReferenceError): string {
  const head = `Invalid image reference ${JSON.stringify(image.image)}: ${error.message}.`;
  if (!image.enforced) return head;
  if (error.portierisRejects)
    return `${head} Portieris denies it: Deny ${goQuote(image.image)}, invalid image name`;
  return `${head} Portieris' own parser lets it through (so admission does not fail on it); pulling it will.`;
}
