/** The block collection parsers, re-exported from one place (blockMap.ts and blockSeq.ts use each other). */
export { parseBlockMap, parseNestedBlock } from './blockMap';
export { parseBlockSeq } from './blockSeq';
export { tryParseKey } from './inlineValue';
