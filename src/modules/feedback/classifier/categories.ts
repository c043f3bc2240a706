// The category codes the shipped model is trained on: the leaves of the feedback category tree
// («education → kindergartens / schools / meals / clubs …» and the other ЦУР topic groups). The
// feedback module's configurable tree uses the same codes, so a suggestion maps onto a category
// without a translation table. A region that trains its own model may use any label strings.

export interface StarterCategory {
  /** Dotted code: topic group, then the leaf. */
  readonly code: string;
  readonly group: string;
  readonly ru: string;
  readonly en: string;
}

export const STARTER_CATEGORIES = [
  { code: 'education.kindergartens', group: 'education', ru: 'Детские сады', en: 'Kindergartens' },
  { code: 'education.schools', group: 'education', ru: 'Школы', en: 'Schools' },
  { code: 'education.school_meals', group: 'education', ru: 'Школьное питание', en: 'School meals' },
  { code: 'education.clubs', group: 'education', ru: 'Кружки и секции', en: 'Clubs and sports sections' },
  { code: 'roads.repair', group: 'roads', ru: 'Дороги и тротуары', en: 'Roads and pavements' },
  { code: 'roads.lighting', group: 'roads', ru: 'Уличное освещение', en: 'Street lighting' },
  { code: 'transport.public', group: 'transport', ru: 'Общественный транспорт', en: 'Public transport' },
  { code: 'housing.heating', group: 'housing', ru: 'Отопление', en: 'Heating' },
  { code: 'housing.water', group: 'housing', ru: 'Водоснабжение и канализация', en: 'Water and sewage' },
  { code: 'housing.electricity', group: 'housing', ru: 'Электроснабжение', en: 'Electricity supply' },
  { code: 'housing.buildings', group: 'housing', ru: 'Содержание домов', en: 'Building maintenance' },
  { code: 'waste.collection', group: 'waste', ru: 'Вывоз мусора', en: 'Waste collection' },
  { code: 'yards.landscaping', group: 'yards', ru: 'Дворы и благоустройство', en: 'Yards and landscaping' },
  { code: 'healthcare.clinics', group: 'healthcare', ru: 'Здравоохранение', en: 'Healthcare' },
  { code: 'social.support', group: 'social', ru: 'Социальная поддержка', en: 'Social support' },
  { code: 'safety.public', group: 'safety', ru: 'Общественная безопасность', en: 'Public safety' },
  { code: 'ecology.environment', group: 'ecology', ru: 'Экология', en: 'Ecology' },
  { code: 'animals.stray', group: 'animals', ru: 'Бездомные животные', en: 'Stray animals' },
] as const satisfies readonly StarterCategory[];

export type StarterCategoryCode = (typeof STARTER_CATEGORIES)[number]['code'];

export const STARTER_CATEGORY_CODES: readonly StarterCategoryCode[] = STARTER_CATEGORIES.map((c) => c.code);
