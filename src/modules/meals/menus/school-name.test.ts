import { describe, expect, it } from 'vitest';
import { sameSchool } from './school-name.js';

describe('sameSchool', () => {
  const names = [
    'Школа № 1 г. Альфа',
    'Муниципальное общеобразовательное учреждение «Средняя школа № 1 г. Альфа»',
  ];
  it('accepts the names real files use for the school', () => {
    expect(sameSchool('МБОУ «Школа № 1 г. Альфа»', names)).toBe(true);
    expect(sameSchool('школа №1 г.Альфа', names)).toBe(true);
    expect(sameSchool('Средняя школа № 1 г. Альфа', names)).toBe(true);
  });
  it('refuses another school and names too short to tell', () => {
    expect(sameSchool('МБОУ «СОШ № 5»', names)).toBe(false);
    expect(sameSchool('Школа № 2 г. Альфа', names)).toBe(false);
    expect(sameSchool('1', names)).toBe(false);
  });
});
