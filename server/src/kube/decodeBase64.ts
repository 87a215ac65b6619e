/**
 * Strict standard base64 as Kubernetes decodes Secret `data` (Go `encoding/base64.StdEncoding`, which
 * skips `\r` and `\n`): padding required, no URL-safe alphabet. Undefined when it is not valid.
 */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeBase64Text(encoded: string): string | undefined {
  const compact = encoded.replace(/[\r\n]/g, '');
  if (!STRICT_BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}
