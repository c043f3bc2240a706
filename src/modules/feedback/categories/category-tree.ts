/**
 * The configurable category tree of appeals: topic groups (the ЦУР headings) with their leaves. A
 * leaf code is `group.leaf`; the shipped classifier is trained on the same codes
 * (src/modules/feedback/classifier/categories.ts on its branch), so a suggestion is a category as is.
 * A region changes the tree by editing this data: nothing else names a category.
 */
export interface TimeLimit {
  days: number;
  unit: 'calendar' | 'working';
}

export interface CategoryLeaf {
  code: string;
  ru: string;
  en: string;
  /** A shorter target for a short message (not an appeal under 59-ФЗ), e.g. 8 working days. */
  messageTarget?: TimeLimit;
}

export interface TopicGroup {
  code: string;
  ru: string;
  en: string;
  leaves: CategoryLeaf[];
}

const EIGHT_WORKING: TimeLimit = { days: 8, unit: 'working' };
const FIVE_WORKING: TimeLimit = { days: 5, unit: 'working' };

export const DEFAULT_CATEGORY_TREE: readonly TopicGroup[] = [
  {
    code: 'education',
    ru: 'Образование',
    en: 'Education',
    leaves: [
      {
        code: 'education.kindergartens',
        ru: 'Детские сады',
        en: 'Kindergartens',
        messageTarget: EIGHT_WORKING,
      },
      { code: 'education.schools', ru: 'Школы', en: 'Schools', messageTarget: EIGHT_WORKING },
      {
        code: 'education.school_meals',
        ru: 'Школьное питание',
        en: 'School meals',
        messageTarget: FIVE_WORKING,
      },
      {
        code: 'education.clubs',
        ru: 'Кружки и секции',
        en: 'Clubs and sports sections',
        messageTarget: EIGHT_WORKING,
      },
    ],
  },
  {
    code: 'roads',
    ru: 'Дороги',
    en: 'Roads',
    leaves: [
      {
        code: 'roads.repair',
        ru: 'Дороги и тротуары',
        en: 'Roads and pavements',
        messageTarget: EIGHT_WORKING,
      },
      {
        code: 'roads.lighting',
        ru: 'Уличное освещение',
        en: 'Street lighting',
        messageTarget: EIGHT_WORKING,
      },
    ],
  },
  {
    code: 'transport',
    ru: 'Транспорт',
    en: 'Transport',
    leaves: [{ code: 'transport.public', ru: 'Общественный транспорт', en: 'Public transport' }],
  },
  {
    code: 'housing',
    ru: 'ЖКХ',
    en: 'Housing and utilities',
    leaves: [
      { code: 'housing.heating', ru: 'Отопление', en: 'Heating', messageTarget: FIVE_WORKING },
      {
        code: 'housing.water',
        ru: 'Водоснабжение и канализация',
        en: 'Water and sewage',
        messageTarget: FIVE_WORKING,
      },
      {
        code: 'housing.electricity',
        ru: 'Электроснабжение',
        en: 'Electricity supply',
        messageTarget: FIVE_WORKING,
      },
      { code: 'housing.buildings', ru: 'Содержание домов', en: 'Building maintenance' },
    ],
  },
  {
    code: 'waste',
    ru: 'Мусор',
    en: 'Waste',
    leaves: [
      { code: 'waste.collection', ru: 'Вывоз мусора', en: 'Waste collection', messageTarget: EIGHT_WORKING },
    ],
  },
  {
    code: 'yards',
    ru: 'Благоустройство',
    en: 'Public spaces',
    leaves: [{ code: 'yards.landscaping', ru: 'Дворы и благоустройство', en: 'Yards and landscaping' }],
  },
  {
    code: 'healthcare',
    ru: 'Здравоохранение',
    en: 'Healthcare',
    leaves: [{ code: 'healthcare.clinics', ru: 'Здравоохранение', en: 'Healthcare' }],
  },
  {
    code: 'social',
    ru: 'Социальная защита',
    en: 'Social protection',
    leaves: [{ code: 'social.support', ru: 'Социальная поддержка', en: 'Social support' }],
  },
  {
    code: 'safety',
    ru: 'Безопасность',
    en: 'Safety',
    leaves: [{ code: 'safety.public', ru: 'Общественная безопасность', en: 'Public safety' }],
  },
  {
    code: 'ecology',
    ru: 'Экология',
    en: 'Ecology',
    leaves: [{ code: 'ecology.environment', ru: 'Экология', en: 'Ecology' }],
  },
  {
    code: 'animals',
    ru: 'Животные',
    en: 'Animals',
    leaves: [{ code: 'animals.stray', ru: 'Бездомные животные', en: 'Stray animals' }],
  },
  {
    code: 'culture',
    ru: 'Культура',
    en: 'Culture',
    leaves: [{ code: 'culture.venues', ru: 'Учреждения культуры', en: 'Cultural venues' }],
  },
  {
    code: 'sport',
    ru: 'Спорт',
    en: 'Sport',
    leaves: [{ code: 'sport.facilities', ru: 'Спортивные объекты', en: 'Sports facilities' }],
  },
  {
    code: 'trade',
    ru: 'Торговля и услуги',
    en: 'Trade and services',
    leaves: [{ code: 'trade.consumer', ru: 'Права потребителей', en: 'Consumer rights' }],
  },
  {
    code: 'communications',
    ru: 'Связь',
    en: 'Communications',
    leaves: [{ code: 'communications.internet', ru: 'Связь и интернет', en: 'Phone and internet' }],
  },
  {
    code: 'employment',
    ru: 'Занятость',
    en: 'Employment',
    leaves: [{ code: 'employment.jobs', ru: 'Работа и занятость', en: 'Jobs and employment' }],
  },
  {
    code: 'government',
    ru: 'Госуслуги и органы власти',
    en: 'Public services',
    leaves: [{ code: 'government.services', ru: 'Государственные услуги', en: 'Public services' }],
  },
];

export interface CategoryIndex {
  leaf(code: string): (CategoryLeaf & { group: TopicGroup }) | undefined;
  leaves: readonly (CategoryLeaf & { group: TopicGroup })[];
}

/**
 * Checks a tree and indexes its leaves. A tree with a duplicate code, a leaf outside its group's
 * prefix or an empty group is refused at start-up, not when a citizen files.
 */
export function indexCategoryTree(tree: readonly TopicGroup[]): CategoryIndex {
  const byCode = new Map<string, CategoryLeaf & { group: TopicGroup }>();
  const groups = new Set<string>();
  for (const group of tree) {
    if (!/^[a-z][a-z_]*$/.test(group.code)) throw new Error(`Bad topic group code ${group.code}`);
    if (groups.has(group.code)) throw new Error(`Topic group ${group.code} appears twice`);
    groups.add(group.code);
    if (group.leaves.length === 0) throw new Error(`Topic group ${group.code} has no categories`);
    for (const leaf of group.leaves) {
      if (!leaf.code.startsWith(`${group.code}.`) || !/^[a-z_]+\.[a-z_]+$/.test(leaf.code))
        throw new Error(`Category ${leaf.code} must be ${group.code}.<name>`);
      if (byCode.has(leaf.code)) throw new Error(`Category ${leaf.code} appears twice`);
      if (leaf.messageTarget && !(Number.isInteger(leaf.messageTarget.days) && leaf.messageTarget.days > 0))
        throw new Error(`Category ${leaf.code}: a target is a positive number of days`);
      byCode.set(leaf.code, { ...leaf, group });
    }
  }
  return { leaf: (code) => byCode.get(code), leaves: [...byCode.values()] };
}

export const CATEGORIES = indexCategoryTree(DEFAULT_CATEGORY_TREE);
