/**
 * The countries and territories the UN ESCAP region covers (its 53 members and 9
 * associate members), with their short names in English, Russian and Kazakh: the
 * assessment settings offer them for the country name in each report language. Data only.
 */
import type { Lang } from '../i18n';

export interface CountryNames {
  readonly en: string;
  readonly ru: string;
  readonly kk: string;
}

export const ESCAP_COUNTRIES: readonly CountryNames[] = [
  { en: 'Afghanistan', ru: 'Афганистан', kk: 'Ауғанстан' },
  { en: 'American Samoa', ru: 'Американское Самоа', kk: 'Америкалық Самоа' },
  { en: 'Armenia', ru: 'Армения', kk: 'Армения' },
  { en: 'Australia', ru: 'Австралия', kk: 'Австралия' },
  { en: 'Azerbaijan', ru: 'Азербайджан', kk: 'Әзірбайжан' },
  { en: 'Bangladesh', ru: 'Бангладеш', kk: 'Бангладеш' },
  { en: 'Bhutan', ru: 'Бутан', kk: 'Бутан' },
  { en: 'Brunei Darussalam', ru: 'Бруней-Даруссалам', kk: 'Бруней-Даруссалам' },
  { en: 'Cambodia', ru: 'Камбоджа', kk: 'Камбоджа' },
  { en: 'China', ru: 'Китай', kk: 'Қытай' },
  { en: 'Cook Islands', ru: 'Острова Кука', kk: 'Кук аралдары' },
  { en: "Democratic People's Republic of Korea", ru: 'Корейская Народно-Демократическая Республика', kk: 'Корей Халықтық Демократиялық Республикасы' },
  { en: 'Fiji', ru: 'Фиджи', kk: 'Фиджи' },
  { en: 'France', ru: 'Франция', kk: 'Франция' },
  { en: 'French Polynesia', ru: 'Французская Полинезия', kk: 'Француз Полинезиясы' },
  { en: 'Georgia', ru: 'Грузия', kk: 'Грузия' },
  { en: 'Guam', ru: 'Гуам', kk: 'Гуам' },
  { en: 'Hong Kong, China', ru: 'Гонконг, Китай', kk: 'Гонконг, Қытай' },
  { en: 'India', ru: 'Индия', kk: 'Үндістан' },
  { en: 'Indonesia', ru: 'Индонезия', kk: 'Индонезия' },
  { en: 'Iran (Islamic Republic of)', ru: 'Иран (Исламская Республика)', kk: 'Иран (Ислам Республикасы)' },
  { en: 'Japan', ru: 'Япония', kk: 'Жапония' },
  { en: 'Kazakhstan', ru: 'Казахстан', kk: 'Қазақстан' },
  { en: 'Kiribati', ru: 'Кирибати', kk: 'Кирибати' },
  { en: 'Kyrgyzstan', ru: 'Кыргызстан', kk: 'Қырғызстан' },
  { en: "Lao People's Democratic Republic", ru: 'Лаосская Народно-Демократическая Республика', kk: 'Лаос Халықтық Демократиялық Республикасы' },
  { en: 'Macao, China', ru: 'Макао, Китай', kk: 'Макао, Қытай' },
  { en: 'Malaysia', ru: 'Малайзия', kk: 'Малайзия' },
  { en: 'Maldives', ru: 'Мальдивы', kk: 'Мальдив' },
  { en: 'Marshall Islands', ru: 'Маршалловы Острова', kk: 'Маршалл аралдары' },
  { en: 'Micronesia (Federated States of)', ru: 'Микронезия (Федеративные Штаты)', kk: 'Микронезия (Федеративтік Штаттары)' },
  { en: 'Mongolia', ru: 'Монголия', kk: 'Моңғолия' },
  { en: 'Myanmar', ru: 'Мьянма', kk: 'Мьянма' },
  { en: 'Nauru', ru: 'Науру', kk: 'Науру' },
  { en: 'Nepal', ru: 'Непал', kk: 'Непал' },
  { en: 'Netherlands', ru: 'Нидерланды', kk: 'Нидерланд' },
  { en: 'New Caledonia', ru: 'Новая Каледония', kk: 'Жаңа Каледония' },
  { en: 'New Zealand', ru: 'Новая Зеландия', kk: 'Жаңа Зеландия' },
  { en: 'Niue', ru: 'Ниуэ', kk: 'Ниуэ' },
  { en: 'Northern Mariana Islands', ru: 'Северные Марианские Острова', kk: 'Солтүстік Мариана аралдары' },
  { en: 'Pakistan', ru: 'Пакистан', kk: 'Пәкістан' },
  { en: 'Palau', ru: 'Палау', kk: 'Палау' },
  { en: 'Papua New Guinea', ru: 'Папуа — Новая Гвинея', kk: 'Папуа — Жаңа Гвинея' },
  { en: 'Philippines', ru: 'Филиппины', kk: 'Филиппин' },
  { en: 'Republic of Korea', ru: 'Республика Корея', kk: 'Корея Республикасы' },
  { en: 'Russian Federation', ru: 'Российская Федерация', kk: 'Ресей Федерациясы' },
  { en: 'Samoa', ru: 'Самоа', kk: 'Самоа' },
  { en: 'Singapore', ru: 'Сингапур', kk: 'Сингапур' },
  { en: 'Solomon Islands', ru: 'Соломоновы Острова', kk: 'Соломон аралдары' },
  { en: 'Sri Lanka', ru: 'Шри-Ланка', kk: 'Шри-Ланка' },
  { en: 'Tajikistan', ru: 'Таджикистан', kk: 'Тәжікстан' },
  { en: 'Thailand', ru: 'Таиланд', kk: 'Тайланд' },
  { en: 'Timor-Leste', ru: 'Тимор-Лешти', kk: 'Тимор-Лесте' },
  { en: 'Tonga', ru: 'Тонга', kk: 'Тонга' },
  { en: 'Türkiye', ru: 'Турция', kk: 'Түркия' },
  { en: 'Turkmenistan', ru: 'Туркменистан', kk: 'Түрікменстан' },
  { en: 'Tuvalu', ru: 'Тувалу', kk: 'Тувалу' },
  { en: 'United Kingdom of Great Britain and Northern Ireland', ru: 'Соединённое Королевство Великобритании и Северной Ирландии', kk: 'Ұлыбритания және Солтүстік Ирландия Құрама Корольдігі' },
  { en: 'United States of America', ru: 'Соединённые Штаты Америки', kk: 'Америка Құрама Штаттары' },
  { en: 'Uzbekistan', ru: 'Узбекистан', kk: 'Өзбекстан' },
  { en: 'Vanuatu', ru: 'Вануату', kk: 'Вануату' },
  { en: 'Viet Nam', ru: 'Вьетнам', kk: 'Вьетнам' },
];

/** The built-in names of a country typed in any of the three languages (case-insensitive), if it is in the list. */
export function countryNames(name: string): CountryNames | undefined {
  const n = name.trim().toLocaleLowerCase();
  if (!n) return undefined;
  return ESCAP_COUNTRIES.find((c) => (['en', 'ru', 'kk'] as const).some((l: Lang) => c[l].toLocaleLowerCase() === n));
}
