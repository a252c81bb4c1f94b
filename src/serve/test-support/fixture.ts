/**
 * A small invented corpus for the API and browser tests: two outlets covering one event (one
 * crediting a wire), a follow-up story, an unrelated story, and an article whose text carries
 * script and event-handler payloads that must never execute.
 */
import { resolveConfig } from '../../config.js';
import { recordItem } from '../../ingest/files.js';
import { analyze } from '../../pipeline/analyze.js';
import type { Store } from '../../store/store.js';

/** Records `{text, title, published, outlet}` as a JSON upload would carry them. */
export const FIXTURE_RECORDS: readonly Record<string, string>[] = [
  {
    title: 'Marrowick ferry line suspended after engine fire',
    outlet: 'Tessaly Gazette',
    published: '2025-04-02T09:00:00Z',
    text:
      'MARROWICK (Northwire) — The Marrowick ferry line was suspended on Tuesday after an engine fire aboard the ferry Ostrava Belle, the harbour authority said.\n\n' +
      'Harbour master Ilona Vashti said all 212 passengers were brought ashore safely and that the fire was put out within forty minutes.\n\n' +
      '"We will not resume sailings until every vessel has been inspected," Vashti told reporters at the Marrowick terminal.\n\n' +
      'The Tessaly transport ministry said inspectors would arrive from Port Alder on Wednesday.',
  },
  {
    title: 'Fire on Ostrava Belle halts Marrowick ferries',
    outlet: 'Alder Daily',
    published: '2025-04-02T14:30:00Z',
    text:
      'Ferry sailings from Marrowick were halted on Tuesday after a fire broke out in the engine room of the Ostrava Belle, according to Northwire.\n\n' +
      'Harbour master Ilona Vashti said 212 passengers were evacuated and nobody was hurt. The fire was extinguished in under an hour.\n\n' +
      'Vashti said sailings would stay suspended until every vessel in the fleet had been inspected by the Tessaly transport ministry.\n\n' +
      'Inspectors from Port Alder are expected on Wednesday, the ministry said.',
  },
  {
    title: 'Marrowick ferry operator orders two new vessels after Ostrava Belle fire',
    outlet: 'Tessaly Gazette',
    published: '2025-07-15T08:00:00Z',
    text:
      'The operator of the Marrowick ferry line has ordered two new vessels to replace the Ostrava Belle, three months after the engine fire that halted sailings.\n\n' +
      'Harbour master Ilona Vashti welcomed the order, saying the older ferries had become hard to maintain.\n\n' +
      'The Tessaly transport ministry will pay a third of the cost. The new ferries are due to enter service at Marrowick in 2027.',
  },
  {
    title: 'Quillon orchard growers report record cherry harvest',
    outlet: 'Valley Courier',
    published: '2025-06-20T07:00:00Z',
    text:
      'Orchard growers in the Quillon valley picked a record cherry harvest this season, the Quillon Growers Association said on Friday.\n\n' +
      'Association chair Benedek Arvay said warm spring weather and a late frost that never came produced nearly twice the usual crop.\n\n' +
      'Packing houses in Quillon hired extra seasonal workers to keep up with the picking, Arvay said.',
  },
];

/** An article whose content tries to run script: it must render as inert text. */
export const HOSTILE_RECORD: Readonly<Record<string, string>> = {
  title: 'Zembla council <script>window.__xss = 1</script> budget vote <img src=x onerror="window.__xss = 2">',
  outlet: 'Zembla <b>Bugle</b>',
  published: '2025-05-10T10:00:00Z',
  text:
    'The Zembla town council approved its budget on Friday <script>window.__xss = 3</script> after a long debate about the harbour wall.\n\n' +
    'Councillor Petra Lindqvist said <img src=x onerror="window.__xss = 4"> the vote was close, and <a href="javascript:window.__xss=5">residents</a> would see repairs begin in June.\n\n' +
    'The council will publish the full budget <svg onload="window.__xss = 6"></svg> on its notice board next week, Lindqvist said.',
};

/** Loads the fixture records (and optionally the hostile one) into a store through `analyze`. */
export async function loadFixture(store: Store, options: { hostile?: boolean } = {}): Promise<void> {
  const records = options.hostile ? [...FIXTURE_RECORDS, HOSTILE_RECORD] : FIXTURE_RECORDS;
  const items = records.map((r, i) => recordItem(`fixture/records.json#${i + 1}`, r, JSON.stringify(r)));
  await analyze(store, items, { config: resolveConfig({ db: ':memory:' }) });
}
