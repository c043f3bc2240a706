/**
 * Personal data out of a text before it is published in the public archive of answers (59-ФЗ ст. 10
 * ч. 4 lets a body publish answers to questions of general interest; 152-ФЗ forbids publishing whose
 * they were). Pure. What it removes, each replaced by a bracketed word so the text still reads:
 * e-mail addresses, phone numbers, long digit runs (СНИЛС, passport, certificate, account numbers),
 * street addresses (street, house, flat), Russian personal names (surname with initials, full
 * name with patronymic), and any name the caller knows (the author's own, from the account).
 */
export const REDACTED = {
  email: '[адрес эл. почты]',
  phone: '[телефон]',
  number: '[номер]',
  address: '[адрес]',
  name: '[ФИО]',
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// +7 (912) 345-67-89, 8 912 345 67 89, 89123456789, 8-800-123-45-67, 45-67-89 (a local number).
const PHONE = /(?:\+7|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b|\b\d{2,3}-\d{2}-\d{2}\b/g;
const LONG_NUMBER = /\b\d(?:[\s-]?\d){5,}\b/g;
const STREET_WORDS =
  'ул\\.|улица|пр-т|просп\\.|проспект|пер\\.|переулок|б-р|бульвар|пл\\.|площадь|ш\\.|шоссе|наб\\.|набережная|мкр\\.?|микрорайон|проезд|тупик';
// «ул. Ленина, д. 5, кв. 12», «улица Садовая 3-12», «проспект Мира, дом 7 корп. 2».
const ADDRESS = new RegExp(
  `(?:${STREET_WORDS})\\s+[\\p{L}\\d.-]+(?:\\s+[\\p{L}\\d.-]+)?(?:,?\\s*(?:д\\.|дом|№)?\\s*\\d+[\\p{L}]?(?:[/-]\\d+)?)?(?:,?\\s*(?:корп\\.|корпус|стр\\.|строение)\\s*\\d+)?(?:,?\\s*(?:кв\\.|квартира|оф\\.)\\s*\\d+)?`,
  'giu',
);
// `\b` knows only ASCII letters: a Cyrillic word starts «not after a letter».
const HOUSE_FLAT =
  /(?<!\p{L})(?:дом|д\.)\s*№?\s*\d+\p{L}?(?:,?\s*(?:кв\.|квартира)\s*\d+)?|(?<!\p{L})(?:кв\.|квартира)\s*\d+/giu;
const CAP = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
// Иванов И. И. / Иванов И.И. / И. И. Иванов / И.И.Иванов
const SURNAME_INITIALS = new RegExp(
  `${CAP}\\s+[А-ЯЁ]\\.\\s?(?:[А-ЯЁ]\\.)?|(?<!\\p{L})[А-ЯЁ]\\.\\s?(?:[А-ЯЁ]\\.\\s?)?${CAP}`,
  'gu',
);
// Иванова Мария Петровна / Мария Петровна Иванова / Мария Петровна: a patronymic gives a name away.
const PATRONYMIC = '[А-ЯЁ][а-яё]+(?:ович|евич|инична|ична|овна|евна|ич)(?![а-яё])';
// A greeting («Уважаемая Анна Сергеевна») is not part of the name.
const GREETING = '(?!Уважаем|Дорог|Здравствуй)';
const FULL_NAME = new RegExp(`(?:${GREETING}${CAP}\\s+)?${CAP}\\s+${PATRONYMIC}(?:\\s+${CAP})?`, 'gu');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with the personal data above replaced; `knownNames` are removed word by word too. */
export function redact(text: string, knownNames: readonly string[] = []): string {
  let out = text.replace(EMAIL, REDACTED.email).replace(PHONE, REDACTED.phone);
  out = out.replace(ADDRESS, REDACTED.address).replace(HOUSE_FLAT, REDACTED.address);
  out = out.replace(LONG_NUMBER, REDACTED.number);
  for (const name of knownNames) {
    const words = name.split(/\s+/).filter((w) => w.length >= 2);
    for (const w of words)
      out = out.replace(new RegExp(`(?<![\\p{L}])${escape(w)}(?![\\p{L}])`, 'giu'), REDACTED.name);
  }
  out = out.replace(FULL_NAME, REDACTED.name).replace(SURNAME_INITIALS, REDACTED.name);
  // «[ФИО] [ФИО]» from a name removed in parts reads as one.
  return out.replace(/\[ФИО\](?:\s+\[ФИО\])+/g, REDACTED.name);
}
