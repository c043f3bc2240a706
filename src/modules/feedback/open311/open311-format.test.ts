import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderErrors, renderList, renderObject, splitFile } from './open311-format.js';

const parse = (xml: string) => new XMLParser({ parseTagValue: false }).parse(xml) as Record<string, unknown>;

describe('Open311 wire format', () => {
  it('renders a list as the spec’s root and items, nulls as empty elements', () => {
    const items = [
      { service_code: 'education.kindergartens', service_name: 'Детские сады & ясли', group: null },
    ];
    expect(JSON.parse(renderList('json', 'services', items))).toEqual(items);
    const xml = renderList('xml', 'services', items);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?><services><service>')).toBe(true);
    expect(xml).toContain('Детские сады &amp; ясли');
    expect(parse(xml)).toEqual({
      '?xml': '',
      services: {
        service: { service_code: 'education.kindergartens', service_name: 'Детские сады & ясли', group: '' },
      },
    });
  });

  it('renders errors with the HTTP status as the code', () => {
    expect(JSON.parse(renderErrors('json', 400, ['service_code: required']))).toEqual([
      { code: 400, description: 'service_code: required' },
    ]);
    expect(renderErrors('xml', 403, ['api_key: unknown'])).toContain(
      '<errors><error><code>403</code><description>api_key: unknown</description></error></errors>',
    );
  });

  it('repeats an element for each value of a nested list (discovery formats)', () => {
    const xml = renderObject('xml', 'discovery', {
      endpoints: [{ formats: ['text/xml', 'application/json'] }],
    });
    expect(xml).toContain(
      '<endpoints><endpoint><formats><format>text/xml</format><format>application/json</format>',
    );
  });

  it('reads the id and the format from a file name, and nothing else', () => {
    expect(splitFile('education.kindergartens.json')).toEqual({
      id: 'education.kindergartens',
      format: 'json',
    });
    expect(splitFile('FB-2026-000301.xml')).toEqual({ id: 'FB-2026-000301', format: 'xml' });
    expect(splitFile('FB-2026-000301.html')).toBeNull();
    expect(splitFile('.json')).toBeNull();
  });
});
