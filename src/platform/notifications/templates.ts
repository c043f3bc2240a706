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

function fill(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function renderTemplate(
  name: string,
  locale: Locale,
  params: Record<string, unknown>,
): { subject: string; body: string } {
  const t = templates.get(name);
  if (!t) throw new Error(`Unknown message template ${name}`);
  return { subject: fill(t.subject[locale], params), body: fill(t.body[locale], params) };
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
