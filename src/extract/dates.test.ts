import { describe, expect, it } from 'vitest';
import { findFullDate, isoDay, normaliseDate, parseDateText } from './dates.js';

describe('parseDateText', () => {
  it.each<[string, string | null]>([
    ['February 20, 2024', '2024-02-20'],
    ['20 February 2024', '2024-02-20'],
    ['Feb. 20, 2024', '2024-02-20'],
    ['Sept. 5, 2023', '2023-09-05'],
    ['Tuesday, February 20, 2024', '2024-02-20'],
    ['2024-02-19', '2024-02-19'],
    ['2024/02/19', '2024-02-19'],
    ['  (February 20, 2024)  ', '2024-02-20'],
    ['February 20, 2024 10:30 AM', '2024-02-20'],
    ['25/12/2023', '2023-12-25'],
    // Month and day could be swapped: refused rather than guessed.
    ['03/04/2024', null],
    ['February 20', null],
    ['October 2023', null],
    ['yesterday', null],
    ['last week', null],
    ['February 30, 2024', null],
    ['Orbán met Putin on October 17, 2023 in Beijing', null],
    ['', null],
    ['1066-10-14', null],
  ])('%j → %s', (input, expected) => {
    expect(parseDateText(input)).toBe(expected);
  });
});

describe('findFullDate', () => {
  it.each<[string, { iso: string; text: string } | null]>([
    ['Written by Jane Roe on October 23, 2023', { iso: '2023-10-23', text: 'October 23, 2023' }],
    ['By Jane Roe | 2 Oct 2020', { iso: '2020-10-02', text: '2 Oct 2020' }],
    ['The vote is on Tuesday', null],
    ['Since 2016 the plant has grown', null],
  ])('%j', (input, expected) => {
    const found = findFullDate(input);
    if (expected === null) {
      expect(found).toBeNull();
    } else {
      expect(found).toMatchObject(expected);
      expect(input.slice(found?.index, found?.end)).toBe(expected.text);
    }
  });
});

describe('normaliseDate', () => {
  it.each<[string, string | null]>([
    ['2024-02-19', '2024-02-19'],
    ['2024-02-19T10:00:00Z', '2024-02-19T10:00:00Z'],
    ['2024-02-19T10:00:00.123+02:00', '2024-02-19T10:00:00+02:00'],
    ['2024-02-19T10:00:00+0200', '2024-02-19T10:00:00+02:00'],
    ['2024-02-19T10:00:00+00:00', '2024-02-19T10:00:00Z'],
    ['2024-02-19 10:00', '2024-02-19T10:00:00'],
    ['2024-02-20T01:30:00-05:00', '2024-02-20T01:30:00-05:00'],
    ['1708300800', '2024-02-19T00:00:00Z'],
    ['1708300800000', '2024-02-19T00:00:00Z'],
    ['February 20, 2024', '2024-02-20'],
    ['Tue, 20 Feb 2024 08:15:00 GMT', '2024-02-20T08:15:00Z'],
    ['Tue, 20 Feb 2024 08:15:00 +0100', '2024-02-20T08:15:00+01:00'],
    ['2024-13-01', null],
    ['2024-02-30T10:00:00Z', null],
    ['not a date', null],
    ['February 20', null],
    ['', null],
  ])('%j → %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});

describe('isoDay', () => {
  it.each<[string, string | null]>([
    ['2024-02-19T10:00:00+02:00', '2024-02-19'],
    ['2024-02-19', '2024-02-19'],
    ['19 February 2024', null],
  ])('%j → %s', (input, expected) => {
    expect(isoDay(input)).toBe(expected);
  });
});
