export type Locale = 'ru' | 'en';

export interface MessageTemplate {
  subject: Record<Locale, string>;
  body: Record<Locale, string>;
}

/** Message templates by name; modules add theirs. `{name}` placeholders are filled from params. */
const templates = new Map<string, MessageTemplate>();

export function defineTemplates(entries: Record<string, MessageTemplate>): void {
  for (const [name, template] of Object.entries(entries)) templates.set(name, template);
}

export function hasTemplate(name: string): boolean {
  return templates.has(name);
}

/** The region's time zone: instants in messages are told in it (the pilot region keeps Moscow time). */
export const REGION_TIME_ZONE = 'Europe/Moscow';
const INTL_LOCALE: Record<Locale, string> = { ru: 'ru-RU', en: 'en-GB' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A parameter as a person reads it in the locale: an ISO date («2027-01-02») as «2 января 2027 г.» /
 * "2 January 2027", an instant as the region's local date and time; anything else as it is (numbers
 * too: `{number}`, `{article}` are identifiers, and a count is worded by its template).
 */
export function formatParam(value: unknown, locale: Locale): string {
  const intl = INTL_LOCALE[locale];
  if (typeof value === 'string' && ISO_DATE.test(value))
    return new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  if (typeof value === 'string' && ISO_INSTANT.test(value))
    return new Intl.DateTimeFormat(intl, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: REGION_TIME_ZONE,
    }).format(new Date(value));
  return String(value);
}

function fill(text: string, params: Record<string, unknown>, locale: Locale): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? formatParam(params[key], locale) : whole,
  );
}

export function renderTemplate(
  name: string,
  locale: Locale,
  params: Record<string, unknown>,
): { subject: string; body: string } {
  const t = templates.get(name);
  if (!t) throw new Error(`Unknown message template ${name}`);
  return { subject: fill(t.subject[locale], params, locale), body: fill(t.body[locale], params, locale) };
}

defineTemplates({
  'platform.welcome': {
    subject: { ru: 'Добро пожаловать в {region}', en: 'Welcome to {region}' },
    body: {
      ru: 'Здравствуйте, {name}!\n\nВы вошли в портал «{region}». Здесь вы можете следить за заявлениями и получать уведомления.',
      en: 'Hello, {name}!\n\nYou have signed in to the {region} portal. Here you can follow your applications and receive notifications.',
    },
  },
});
