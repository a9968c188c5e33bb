/** Placeholder until the catalogue data lands; replaced by the real catalogue module. */
export const CATALOGUE_SEMVER = '1.0.0';
export function catalogueVersionLabel(): string {
  return CATALOGUE_SEMVER;
}
