// The trust lab's importable primitives (see scripts/lab/README.md and trust-lab.md).
export type { CertPair } from './certs';
export { makeCa, makeLeaf, makeServerCerts } from './certs';
export { LabError } from './errors';
export type { LabErrorCode } from './errors';
export { run } from './exec';
export type { RunOptions, RunResult } from './exec';
export { freePort } from './ports';
export { isRunning, stopProcess } from './processes';
export type { ProcessRecord } from './processes';
export { probeStatus } from './readiness';
export type { ServiceHandle } from './service';
export { startNotaryServer } from './notaryServer';
export type { NotaryServerHandle, NotaryServerOptions, NotaryTokenAuthOptions } from './notaryServer';
export { startRegistry } from './registry';
export type { BasicCredentials, RegistryHandle, RegistryOptions } from './registry';
