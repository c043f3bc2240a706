import type { SituationDefinition, Step } from '../../../contracts/life-situation-definition.js';

/**
 * The catalogue as CPSV-AP 3 JSON-LD (the EU's Core Public Service Vocabulary Application Profile):
 * each situation a `cv:LifeEvent`, each step's service a `cpsv:PublicService` grouped by it, with
 * its competent authority, channels, cost, evidence (documents), legal resources and the services it
 * requires. Ids are URNs under the region's base URL so they stay stable across versions.
 */
export function cpsvApCatalogue(
  base: string,
  situations: readonly { version: number; definition: SituationDefinition }[],
) {
  const ru = (value: string) => ({ '@language': 'ru', '@value': value });
  const graph: Record<string, unknown>[] = [];
  for (const { version, definition: d } of situations) {
    const eventId = `${base}/life-situations/${d.code}`;
    graph.push({
      '@id': eventId,
      '@type': 'cv:LifeEvent',
      'dct:identifier': d.code,
      'dct:title': [ru(d.titleRu), ...(d.titleEn ? [{ '@language': 'en', '@value': d.titleEn }] : [])],
      'dct:description': ru(d.summaryRu),
      'dct:source': d.source,
      'owl:versionInfo': String(version),
    });
    const steps: Step[] = d.items.flatMap((i) => ('steps' in i ? i.steps : [i]));
    for (const step of steps)
      step.services.forEach((s, k) => {
        const id = `${eventId}#${step.id}-${k}`;
        const requires = step.requires.map((r) => `${eventId}#${r}-0`);
        if (s.type === 'own') {
          graph.push({
            '@id': id,
            '@type': 'cpsv:PublicService',
            'dct:title': ru(s.titleRu),
            'cv:isGroupedBy': { '@id': eventId },
            'cv:hasChannel': { '@type': 'cv:Channel', 'dct:type': 'online', 'foaf:page': s.link },
            ...(requires.length ? { 'cv:requires': requires.map((r) => ({ '@id': r })) } : {}),
          });
          return;
        }
        graph.push({
          '@id': id,
          '@type': 'cpsv:PublicService',
          'dct:title': ru(s.titleRu),
          'dct:description': ru(step.descriptionRu ?? step.titleRu),
          'cv:isGroupedBy': { '@id': eventId },
          'cv:hasCompetentAuthority': { '@type': 'cv:PublicOrganisation', 'skos:prefLabel': ru(s.authority) },
          'cv:hasChannel': s.channels.map((c) => ({ '@type': 'cv:Channel', 'dct:type': c })),
          'cv:hasCost': { '@type': 'cv:Cost', 'dct:description': ru(s.cost) },
          'cv:processingTime': ru(s.term),
          'cv:hasInput': s.documents.map((doc) => ({ '@type': 'cv:Evidence', 'dct:title': ru(doc) })),
          'cv:hasLegalResource': s.legalBasis.map((l) => ({
            '@type': 'eli:LegalResource',
            'dct:title': ru(l),
          })),
          ...(requires.length ? { 'cv:requires': requires.map((r) => ({ '@id': r })) } : {}),
          ...(s.gosuslugiUrl ? { 'foaf:homepage': s.gosuslugiUrl } : {}),
        });
      });
  }
  return {
    '@context': {
      cv: 'http://data.europa.eu/m8g/',
      cpsv: 'http://purl.org/vocab/cpsv#',
      dct: 'http://purl.org/dc/terms/',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      foaf: 'http://xmlns.com/foaf/0.1/',
      eli: 'http://data.europa.eu/eli/ontology#',
      owl: 'http://www.w3.org/2002/07/owl#',
    },
    '@graph': graph,
  };
}
