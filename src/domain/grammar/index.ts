// The chat grammar: text -> Command (parseMessage), and Command -> canonical text
// (formatCommand). The files here are split by purpose: lexer and numbers, time expressions,
// keyword tables, the parsers, and the formatter; this index is the public API.

export { formatCommand } from './format';
export { canonicalUnit } from './keywords';
export { messageLanguage } from './language';
export { detectLanguage, normalizeText, type Result } from './lexer';
export { meterNameProblem } from './names';
export { parseDecimal } from './numbers';
export { parseMessage } from './parse';
