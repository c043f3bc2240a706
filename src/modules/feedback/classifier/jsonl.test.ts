import { describe, expect, it } from 'vitest';
import { MalformedLineError, parseAppealLines } from './jsonl.js';

const error = (content: string, requireLabel = true) => {
  try {
    parseAppealLines(content, requireLabel);
  } catch (e) {
    expect(e).toBeInstanceOf(MalformedLineError);
    return {
      line: (e as MalformedLineError).line,
      field: (e as MalformedLineError).field,
      message: (e as Error).message,
    };
  }
  throw new Error('expected an error');
};

const ok = '{"id":"1","text":"Нет света","label":"3"}';

describe('parseAppealLines', () => {
  it('reads lines in order, skipping blank ones, with or without a BOM and CRLF', () => {
    const content = `\ufeff${ok}\r\n\n{"id":"2","text":"Яма","label":"0","extra":1}\n`;
    expect(parseAppealLines(content, true)).toEqual([
      { id: '1', text: 'Нет света', label: '3' },
      { id: '2', text: 'Яма', label: '0' },
    ]);
    expect(parseAppealLines('{"id":"9","text":"Яма"}', false)).toEqual([{ id: '9', text: 'Яма' }]);
  });

  it('names the line number and the field of the first malformed line', () => {
    expect(error(`${ok}\nnot json`)).toMatchObject({ line: 2, field: '(line)' });
    expect(error(`${ok}\n[1]`)).toMatchObject({ line: 2, field: '(line)' });
    expect(error(`${ok}\n\n{"text":"a","label":"1"}`)).toMatchObject({ line: 3, field: 'id' });
    expect(error('{"id":5,"text":"a","label":"1"}')).toMatchObject({ line: 1, field: 'id' });
    expect(error(`${ok}\n${ok}`)).toMatchObject({ line: 2, field: 'id' });
    expect(error('{"id":"1","label":"1"}')).toMatchObject({ line: 1, field: 'text' });
    expect(error('{"id":"1","text":"   ","label":"1"}')).toMatchObject({ line: 1, field: 'text' });
    expect(error('{"id":"1","text":["a"],"label":"1"}')).toMatchObject({ line: 1, field: 'text' });
    expect(error('{"id":"1","text":"a"}')).toMatchObject({ line: 1, field: 'label' });
    expect(error('{"id":"1","text":"a","label":3}')).toMatchObject({ line: 1, field: 'label' });
    expect(error('{"id":"1","text":""}', false)).toMatchObject({ line: 1, field: 'text' });
    expect(error('{"id":"1","text":"a"}\n{"id":"2","text":"b","label":"x"}', true).message).toBe(
      'line 1: field "label" is missing (training needs a label)',
    );
  });
});
