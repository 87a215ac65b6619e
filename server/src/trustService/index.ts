/** Trust lookups for the editor and the CLI: orchestration around the pure verdict (server/src/verdict). */
export {
  TrustService,
  type TrustRunOptions,
  type TrustProgress,
  type TrustServiceOptions,
} from './trustService';
export { MemoryFileStore } from './fileStores';
export { chooseServer, type ServerChoice } from './chooseServer';
export { signerKeyId } from './signerKeyId';
export { SignerIndex } from './signerIndex';
export type { TrustBackend, RepositoryAnswer, VerifiedRepository } from './repositoryAnswer';
