// Runs the official Milvus Node.js SDK's HttpClient against bulkwatch-sim --dialect milvus and checks that
// it gets back exactly what scenario.json says. Usage: node conformance.js ENDPOINT TOKEN
'use strict';
const { HttpClient } = require('@zilliz/milvus2-sdk-node');

const [endpoint, token] = process.argv.slice(2);
let passed = 0, failed = 0;
function check(name, cond, detail) {
  if (cond) { passed++; console.log(`PASS ${name}`); }
  else { failed++; console.log(`FAIL ${name}${detail !== undefined ? ': ' + JSON.stringify(detail) : ''}`); }
}

(async () => {
  const client = new HttpClient({ endpoint, token });

  const list = await client.listImportJobs({ collectionName: '' });
  check('list answers code 0', list.code === 0, list);
  const records = (list.data && list.data.records) || [];
  const byId = Object.fromEntries(records.map(r => [r.jobId, r]));
  check('list has the four jobs of the default database', records.length === 4, records.map(r => r.jobId));
  check('list hides the job of another database', !byId['453240863839750926']);
  check('completed job listed as Completed 100', byId['453240863839750922'] && byId['453240863839750922'].state === 'Completed' && byId['453240863839750922'].progress === 100, byId['453240863839750922']);
  check('failed job listed with its reason', byId['453240863839750923'] && byId['453240863839750923'].state === 'Failed' && byId['453240863839750923'].reason === 'JSON parse: unexpected EOF', byId['453240863839750923']);
  check('sorting job listed as Importing at 70', byId['453240863839750924'] && byId['453240863839750924'].state === 'Importing' && byId['453240863839750924'].progress === 70, byId['453240863839750924']);
  check('pending job listed as Pending 0', byId['453240863839750925'] && byId['453240863839750925'].state === 'Pending' && byId['453240863839750925'].progress === 0, byId['453240863839750925']);
  check('records omit an empty reason', byId['453240863839750922'] && !('reason' in byId['453240863839750922']));

  const filtered = await client.listImportJobs({ collectionName: 'medium_articles' });
  check('list filters by collection', filtered.data.records.length === 2, filtered.data.records);

  const done = await client.getImportJobProgress({ jobId: '453240863839750922' });
  const d = done.data || {};
  check('progress of completed job', done.code === 0 && d.state === 'Completed' && d.progress === 100 && d.totalRows === 10000 && d.importedRows === 10000, d);
  check('completed job has a +08:00 completeTime', /\+08:00$/.test(d.completeTime || ''), d.completeTime);
  check('file names are bracketed', d.details && d.details[0].fileName === '[8db36d4f-4ad6-4306-9f8c-7cfa985c0bbe/1.parquet]', d.details);
  check('file size carried', d.details && d.details[0].fileSize === 31567773, d.details);

  const bad = await client.getImportJobProgress({ jobId: '453240863839750923' });
  const b = bad.data || {};
  check('failed job: state, progress reset to 0, reason', b.state === 'Failed' && b.progress === 0 && b.reason === 'JSON parse: unexpected EOF', b);
  check('failed job: the failing file carries the reason', b.details && b.details[1].state === 'Failed' && b.details[1].reason === 'JSON parse: unexpected EOF', b.details);
  check('failed job: the other file has no reason key', b.details && b.details[0].state !== 'Failed' && !('reason' in b.details[0]), b.details);

  const sorting = await client.getImportJobProgress({ jobId: '453240863839750924' });
  const s = sorting.data || {};
  check('sorting job: every file Completed, job Importing with empty completeTime', s.state === 'Importing' && s.completeTime === '' && s.details.every(f => f.state === 'Completed'), s);

  const missing = await client.getImportJobProgress({ jobId: '448761313698322011' });
  check('unknown job: HTTP 200 with code 2100', missing.code === 2100 && /does not exist/.test(missing.message), missing);

  const created = await client.createImportJobs({ collectionName: 'quick_setup', files: [['x.parquet'], ['y.parquet']] });
  const newId = created.data && created.data.jobId;
  check('create returns a job id as a string', created.code === 0 && typeof newId === 'string' && newId.length > 0, created);
  const fresh = await client.getImportJobProgress({ jobId: newId });
  check('created job is Pending with two files', fresh.data && fresh.data.state === 'Pending' && fresh.data.details.length === 2, fresh.data);
  const after = await client.listImportJobs({ collectionName: '' });
  check('created job appears in the list', after.data.records.some(r => r.jobId === newId));

  const noCollection = await client.createImportJobs({ collectionName: 'nope', files: [['x.parquet']] });
  check('create into a missing collection: code 100', noCollection.code === 100, noCollection);

  // The SDK throws an HttpError carrying the status; any other exception (ECONNREFUSED, a timeout, a bug in
  // this script) is not a refusal, and an answer without an exception is none either.
  let refusal;
  try {
    const answer = await new HttpClient({ endpoint, token: 'wrong-token' }).listImportJobs({ collectionName: '' });
    refusal = { answered: answer };
  } catch (e) {
    refusal = { name: e && e.name, status: e && e.status, message: String(e && e.message || e) };
  }
  check('a wrong token is refused with HTTP 401 (the SDK throws an HttpError)',
        refusal.name === 'HttpError' && refusal.status === 401, refusal);
  // The same request with the right token goes through: the refusal was about the token, not the request.
  const right = await client.listImportJobs({ collectionName: '' });
  check('the right token on the same request is accepted', right.code === 0, right);

  // After the import (issue 16): the SDK's describeIndex, getCollectionLoadState and getCollectionStatistics.
  const idx = await client.describeIndex({ collectionName: 'quick_setup', indexName: 'vector' });
  const ix = (idx.data || [])[0] || {};
  check('describeIndex: a finished index on vector with every row indexed', idx.code === 0 && ix.fieldName === 'vector'
        && ix.indexState === 'Finished' && ix.totalRows === 10000 && ix.indexedRows === 10000 && ix.pendingRows === 0, idx);
  const load = await client.getCollectionLoadState({ collectionName: 'quick_setup' });
  check('getCollectionLoadState: LoadStateLoaded at 100', load.code === 0 && load.data && load.data.loadState === 'LoadStateLoaded'
        && load.data.loadProgress === 100, load);
  const stats = await client.getCollectionStatistics({ collectionName: 'quick_setup' });
  check('getCollectionStatistics: the completed job\'s rows (the pending ones not yet)', stats.code === 0 && stats.data
        && stats.data.rowCount === 10000, stats);
  const otherDb = await client.getCollectionStatistics({ collectionName: 'quick_setup', dbName: 'analytics' });
  check('getCollectionStatistics with dbName: that database\'s collection', otherDb.code === 0 && otherDb.data
        && otherDb.data.rowCount === 1, otherDb);
  const noStats = await client.getCollectionStatistics({ collectionName: 'nope' });
  check('getCollectionStatistics of a missing collection: code 100', noStats.code === 100, noStats);

  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch(e => { console.log('FAIL unexpected error: ' + (e && e.stack || e)); console.log(`${passed} passed, ${failed + 1} failed`); process.exit(1); });
