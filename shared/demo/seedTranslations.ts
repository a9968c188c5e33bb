/**
 * The demo's translations (what `readiness demo` adds to the lead's bundle): the
 * organisation names in Russian and Kazakh, and Russian translations of a few consolidated
 * answers, so `readiness report --lang ru --untranslated mark` shows both translated rows
 * and texts marked "[en]". They go through the same `translationRevisions` as the app.
 */
import type { Dataset, TextRevision } from '../model/types';
import type { TextAuthor } from '../narrative/write';
import { translationRevisions, translationUnits, type UnitEdit } from '../translation';
import { seededId } from './seedDataset';

const TRANSLATED_AT = '2022-01-20T09:00:00.000Z';

/** Organisation names as typed in the seed → [Russian, Kazakh]. */
export const SEED_ORGANIZATION_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  '"National Company" KTZ" JSC': ['АО «НК «Қазақстан темір жолы»', '«ҚТЖ» ҰК» АҚ'],
  '"Zerde" National Infocommunication Holding" JSC': ['АО «Национальный инфокоммуникационный холдинг «Зерде»', '«Зерде» ұлттық инфокоммуникациялық холдингі» АҚ'],
  'Association of Fat and Oil Union of Kazakhstan': ['Ассоциация «Масложировой союз Казахстана»', '«Қазақстанның май-тоң одағы» қауымдастығы'],
  'Association of National Freight Forwarders of the Republic of Kazakhstan': ['Ассоциация национальных экспедиторов Республики Казахстан', 'Қазақстан Республикасының ұлттық экспедиторлар қауымдастығы'],
  'Association of Sugar, Food and Processing Industries': ['Ассоциация сахарной, пищевой и перерабатывающей промышленности', 'Қант, тамақ және қайта өңдеу өнеркәсібі қауымдастығы'],
  'International Center for Green Technologies and Investment Project NJSC': ['НАО «Международный центр зелёных технологий и инвестиционных проектов»', '«Жасыл технологиялар және инвестициялық жобалар халықаралық орталығы» КЕАҚ'],
  'International Trade Center': ['Международный торговый центр', 'Халықаралық сауда орталығы'],
  'Kazakhstan Institute of Standardization and Metrology (KazStandard)': ['Казахстанский институт стандартизации и метрологии (КазСтандарт)', 'Қазақстан стандарттау және метрология институты (ҚазСтандарт)'],
  'Kazpost JSC': ['АО «Казпочта»', '«Қазпошта» АҚ'],
  'Ministry of Digital Development, Innovations and Aerospace Industry of the Republic of Kazakhstan': [
    'Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан',
    'Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі',
  ],
  'Ministry of Industry and Infrastructural Development of the Republic of Kazakhstan': ['Министерство индустрии и инфраструктурного развития Республики Казахстан', 'Қазақстан Республикасының Индустрия және инфрақұрылымдық даму министрлігі'],
  'Ministry of trade and integration of the Republic of Kazakhstan': ['Министерство торговли и интеграции Республики Казахстан', 'Қазақстан Республикасының Сауда және интеграция министрлігі'],
  'National Bank of the Republic of Kazakhstan': ['Национальный банк Республики Казахстан', 'Қазақстан Республикасының Ұлттық Банкі'],
  'National Chamber of Entrepreneurs of the Republic of Kazakhstan "Atameken"': ['Национальная палата предпринимателей Республики Казахстан «Атамекен»', '«Атамекен» Қазақстан Республикасының Ұлттық кәсіпкерлер палатасы'],
  'National Information Technologies JSC': ['АО «Национальные информационные технологии»', '«Ұлттық ақпараттық технологиялар» АҚ'],
  'QazTrade JSC': ['АО «QazTrade»', '«QazTrade» АҚ'],
  'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan': ['Комитет государственных доходов Министерства финансов Республики Казахстан', 'Қазақстан Республикасы Қаржы министрлігінің Мемлекеттік кірістер комитеті'],
  'The Economic and Social Commission for Asia and the Pacific': ['Экономическая и социальная комиссия для Азии и Тихого океана', 'Азия және Тынық мұхиты үшін экономикалық және әлеуметтік комиссия'],
  'UN CEFACT': ['СЕФАКТ ООН', 'БҰҰ СЕФАКТ'],
};

/** Russian translations of a few consolidated answers' texts: unit id → text. */
export const SEED_RUSSIAN_ANSWERS: Readonly<Record<string, string>> = {
  'consolidated:A1.2_elaboration': 'Да',
  'consolidated:A1.3_elaboration': 'Министр торговли и интеграции Республики Казахстан',
  'consolidated:A2.1.1.3_elaboration':
    'Да, пользователи проходят электронную аутентификацию. Вход в ИС «ASTANA-1» выполняется с электронной цифровой подписью пользователя, выданной Национальным удостоверяющим центром Казахстана при АО «Национальные информационные технологии».',
  'consolidated:A2.1.1.5_elaboration': '100% электронное декларирование товаров',
};

/** The demo's translation revisions for `dataset` (the merged seed with its consolidated answers). */
export function seedTranslations(dataset: Dataset, author: TextAuthor): TextRevision[] {
  let n = 0;
  const opts = { author, at: TRANSLATED_AT, newId: () => seededId(`translation:${++n}`) };
  const out: TextRevision[] = [];
  for (const [lang, column] of [['ru', 0], ['kk', 1]] as const) {
    const units = translationUnits(dataset, lang);
    const edits: UnitEdit[] = [];
    for (const u of units) {
      if (u.id.startsWith('org.')) {
        const names = SEED_ORGANIZATION_NAMES[u.source];
        if (names) edits.push({ unitId: u.id, target: names[column], reviewed: true });
      } else if (lang === 'ru' && SEED_RUSSIAN_ANSWERS[u.id] !== undefined) {
        edits.push({ unitId: u.id, target: SEED_RUSSIAN_ANSWERS[u.id]!, reviewed: false });
      }
    }
    out.push(...translationRevisions(dataset, lang, edits, opts, units).revisions);
  }
  return out;
}
