import type { Sector } from '../model/types';

/**
 * A first guess of an organisation's sector from its name (en/ru/kk), for rows pasted in
 * bulk; the user can change it. Order matters: an "association" of companies is an
 * association, not a company.
 */
const RULES: ReadonlyArray<readonly [Sector, RegExp]> = [
  ['international', /\b(united nations|world bank|asian development bank|wco|wto|escap|unctad|undp|usaid|giz|international organi[sz]ation)\b|ООН|Всемирн|Халықаралық ұйым/i],
  ['association', /association|chamber|union\b|council of|ассоциац|палата|союз|қауымдастығ|палатасы|одағы/i],
  ['government', /ministry|committee|agency|national bank|government|department|customs|revenue|akimat|министерств|комитет|агентств|ведомств|национальный банк|таможн|министрлігі|комитеті|агенттігі|ұлттық банкі|кеден/i],
  ['private', /\b(llp|llc|ltd|inc|plc|gmbh|jsc|ao|тоо|ао|жшс|аақ)\b|company|компани/i],
];

export function guessSector(organization: string): Sector {
  for (const [sector, re] of RULES) if (re.test(organization)) return sector;
  return 'other';
}
