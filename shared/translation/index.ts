/**
 * Translations of the report's texts (framework-free): the units to translate into a
 * language with their state (missing, translated, reviewed, outdated with what changed),
 * progress, filters, saving translated units as TextRevisions, and the translator file
 * formats (XLIFF 2.0, XLSX). See docs/translation.md.
 */
export * from './units';
export * from './write';
export * from './import';
export * from './xliff';
export * from './countries';
