/**
 * The datasets listed on /open-data/. A module publishing open data registers its datasets here at
 * start-up (e.g. placement instances of issue 6) and serves its own files; the index lists them all.
 */
export interface OpenDataColumn {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean' | 'date';
  descriptionRu: string;
  descriptionEn: string;
}

export interface OpenDataDataset {
  id: string;
  titleRu: string;
  titleEn: string;
  descriptionRu: string;
  descriptionEn: string;
  /** Paths under the site root, e.g. /open-data/kindergartens.csv. */
  files: { path: string; format: 'csv' | 'json' }[];
  updated: 'daily' | 'on change' | 'per wave';
  columns: OpenDataColumn[];
}

const datasets = new Map<string, OpenDataDataset>();

export function registerOpenDataDataset(dataset: OpenDataDataset): void {
  datasets.set(dataset.id, dataset);
}

export function openDataDatasets(): OpenDataDataset[] {
  return [...datasets.values()];
}
