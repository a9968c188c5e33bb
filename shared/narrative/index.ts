/**
 * The report's narrative, framework-free: how written texts are keyed, the current
 * version of each (and THE lookup `textIn` every printed text goes through), the outline
 * with states and word counts, recommendations and action plan numbering, the Global
 * Survey groups, the generated Introduction and rich-text helpers. See docs/report.md.
 */
export * from './keys';
export * from './rich';
export * from './texts';
export * from './survey';
export * from './plan';
export * from './outline';
export * from './intro';
export * from './write';
