import { describe, expect, it } from 'vitest';
import type { ArticleFeatures } from '../model.js';
import { MinHashIndex, minHashSignature, wordSpans } from './near-duplicates.js';

const WIRE =
  'The harbour authority of Velmora said on Tuesday that the northern ferry line would resume sailing next week after repairs to the ' +
  'loading ramp, which was damaged in a storm on Friday. Around four hundred passengers a day use the crossing, the authority said, ' +
  'and freight operators had been diverted to the southern terminal while engineers replaced the hydraulic arms of the ramp.';
const OTHER =
  'Farmers in the Kessa valley began the grape harvest two weeks early this year after a dry and unusually warm summer, the regional ' +
  'growers association said, adding that yields were lower but the sugar content of the fruit was the highest it had recorded in a decade.';
const THIRD =
  'The city council of Ordan voted to extend the tram line to the university campus, a project expected to take three years and cost ' +
  'about ninety million, with the first trams running on the new track before the start of the academic year after next, officials said.';

const features = (articleId: string, text: string): ArticleFeatures => {
  const signature = minHashSignature(text);
  return { articleId, terms: {}, names: [], time: null, ...(signature ? { signature } : {}) };
};

describe('MinHashIndex', () => {
  it('finds the original of a near-copy (an outlet credit added), not of an unrelated text', () => {
    const index = new MinHashIndex();
    index.add(features('a1', WIRE));
    index.add(features('b1', OTHER));
    const copy = index.find(features('a2', `${WIRE} (Reuters)`));
    expect(copy?.originalId).toBe('a1');
    expect(copy!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(index.find(features('c1', THIRD))).toBeNull();
  });

  it('reports a copy of a copy as a copy of the first text', () => {
    const index = new MinHashIndex();
    index.add(features('a1', WIRE));
    const second = features('a2', `${WIRE} (Reuters)`);
    index.add(second, index.find(second));
    expect(index.find(features('a3', `${WIRE} Reporting by staff.`))?.originalId).toBe('a1');
  });

  it('keeps only the latest signatures: beyond its capacity the oldest leave the window', () => {
    const index = new MinHashIndex(2);
    index.add(features('a1', WIRE));
    index.add(features('b1', OTHER));
    index.add(features('c1', THIRD));
    expect(index.size).toBe(2);
    expect(index.find(features('a2', `${WIRE} (Reuters)`))).toBeNull();
    expect(index.find(features('c2', `${THIRD} (AP)`))?.originalId).toBe('c1');
  });

  it('reuses its slots as the window moves: the latest texts are found, whatever came before', () => {
    const index = new MinHashIndex(3);
    const texts = [WIRE, OTHER, THIRD];
    // Seven rounds through three slots: every slot is overwritten twice over.
    for (let round = 0; round < 7; round++) {
      const [text, label] = [texts[round % 3]!, `r${round}`];
      const f = features(label, `${text} Round ${round}.`);
      index.add(f, index.find(f));
    }
    expect(index.size).toBe(3);
    // r4, r5, r6 are held. A copy of the wire text is found through r6, the only wire version
    // left, and reported as a copy of the first one (r6 copies r3, which copied r0).
    expect(index.find(features('x', `${WIRE} (AP)`))?.originalId).toBe('r0');
    expect(index.find(features('y', `${OTHER} (AP)`))?.originalId).toBe('r1');
    // ...and adding an article twice indexes it once.
    index.add(features('r6', WIRE));
    expect(index.size).toBe(3);
  });
});

describe('wordSpans', () => {
  it.each([
    ["orban's visit, don't o'neill’s 3.5% kc-45s"],
    ['sándor pintér’s kraków-based ørsted 中文 𝐀𝐁c 𝟏2 über’é x²'],
    ['\ud800 lone \udc00 surrogates ok'],
    ['ascii then é'],
    [''],
  ])('finds the runs of letters and digits of %j', (s) => {
    expect(wordSpans(s)).toEqual([...s.matchAll(/[\p{L}\p{N}]+/gu)].flatMap((m) => [m.index, m.index + m[0].length]));
  });
});
