import { describe, expect, it } from 'vitest';
import { findFullDate, isoDay, normaliseDate, parseDateLine, parseDateText } from './dates.js';

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
    // Month and day could be swapped, whatever follows the date: refused.
    ['Updated 4/9/2021 6:04 PM', null],
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

describe('parseDateLine', () => {
  it.each<[string, { published: string | null; updated: string | null } | null]>([
    ['March 4, 2021', { published: '2021-03-04', updated: null }],
    ['March 4, 2021 | 5:03pm', { published: '2021-03-04', updated: null }],
    ['Thursday, March 4, 2021, 1:32 PM EST', { published: '2021-03-04', updated: null }],
    ['12:52 p.m. EDT March 4, 2021', { published: '2021-03-04', updated: null }],
    ['Posted on Thu Mar 4, 2021 08:45 AM PDT', { published: '2021-03-04', updated: null }],
    ['Posted: Mar 04, 2021 7:40 PM ET Last Updated: Mar 05, 2021 8:44 PM ET', { published: '2021-03-04', updated: '2021-03-05' }],
    ['Friday, Mar 5, 2021 | Updated 8:52 PM EDT', { published: '2021-03-05', updated: null }],
    ['4 March 2021 Last updated at 11:11 GMT', { published: '2021-03-04', updated: null }],
    ['PUBLISHED: 22:07 GMT, 4 March 2021 | UPDATED: 23:10 GMT, 4 March 2021', { published: '2021-03-04', updated: '2021-03-04' }],
    ['Story Created: Mar 4, 2021 at 9:56 AM AKST', { published: '2021-03-04', updated: null }],
    ['4 March 2021, 10:00 (GMT+05:00)', { published: '2021-03-04', updated: null }],
    ['Sat Mar 6 2021, 01:19 hrs', { published: '2021-03-06', updated: null }],
    ['on March 4, 2021 at 4:31 AM, updated March 4, 2021 at 8:33 AM', { published: '2021-03-04', updated: '2021-03-04' }],
    ['Updated: March 5, 2021, 6:03 PM ET', { published: null, updated: '2021-03-05' }],
    // Spaces that copied text leaves inside times and numeric dates are closed up.
    ['March 4th, 2021, 7: 35 am', { published: '2021-03-04', updated: null }],
    ['3 / 24 / 21 1: 30 AM EST', { published: '2021-03-24', updated: null }],
    ['2021 - 03 - 04', { published: '2021-03-04', updated: null }],
    // Not date lines: a numeric date whose month and day could swap, a place, a sentence, a byline.
    ['03 / 04 / 2021', null],
    ['BRISTOL, March 4, 2021', null],
    ['The ferry sank on March 4, 2021 near the harbour.', null],
    ['On behalf of Jane Roe, posted in Ferries on Thursday, March 4, 2021.', null],
    ['Posted 1 year, 160 days ago', null],
    ['March 4', null],
  ])('%j', (line, expected) => {
    const found = parseDateLine(line);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toEqual({ ...expected, labelled: /^(?:posted|published|updated|story|last)/iu.test(line) });
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
