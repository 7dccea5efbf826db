// Peer side of the Parquet benchmark (tests/bench/parquet/bench.sh).
//   make CORPUS_DIR OUT.parquet   DuckDB builds {id, text, domain} from CORPUS_DIR/*.jsonl and writes zstd
//   run  IN.parquet WORK_DIR      times, single-threaded: DuckDB read of `text` and zstd write of all rows,
//                                 hyparquet and parquet-wasm reads of `text`, parquet-wasm zstd write
// Prints one JSON line per measurement: {tool, op, seconds, bytes}. Best of REPS (default 3) runs.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, hyparquet, compressors, pw, arrow } from '../../fixtures/parquet/peers.mjs';

const [cmd, a, b] = process.argv.slice(2);
const REPS = Number(process.env.REPS || 3);
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const con = await db.connect();
const q = async sql => (await con.runAndReadAll(sql)).getRowObjectsJS();
const best = async fn => { let t = Infinity, r; for (let i = 0; i < REPS; i++) { const t0 = performance.now(); r = await fn(); t = Math.min(t, (performance.now() - t0) / 1e3); } return [t, r]; };
const out = (tool, op, seconds, extra = {}) => console.log(JSON.stringify({ tool, op, seconds: Number(seconds.toFixed(4)), ...extra }));

if (cmd === 'make') {
  await con.run(`COPY (SELECT row_number() OVER () - 1 AS id, text, regexp_extract(filename, '([^/]+)\\.jsonl$', 1) AS domain
      FROM read_json('${a}/*.jsonl', format='newline_delimited', filename=true, columns={id: 'VARCHAR', text: 'VARCHAR'}))
    TO '${b}' (FORMAT parquet, COMPRESSION zstd)`);
  const r = (await q(`SELECT count(*) AS n, sum(strlen(text)) AS bytes FROM read_parquet('${b}')`))[0];
  console.log(`wrote ${b}: ${fs.statSync(b).size} bytes, ${r.n} rows, ${r.bytes} text bytes`);
} else if (cmd === 'run') {
  const f = a;
  const textBytes = Number((await q(`SELECT sum(strlen(text)) AS b FROM read_parquet('${f}')`))[0].b);
  let [t] = await best(() => q(`SELECT sum(strlen(text)) AS b FROM read_parquet('${f}')`));
  out('duckdb', 'read_text', t, { bytes: textBytes });
  await con.run(`CREATE TABLE docs AS SELECT * FROM read_parquet('${f}')`);
  const dst = path.join(b, 'duckdb_write.parquet');
  [t] = await best(() => con.run(`COPY docs TO '${dst}' (FORMAT parquet, COMPRESSION zstd)`));
  out('duckdb', 'write_zstd', t, { bytes: textBytes, size: fs.statSync(dst).size });
  await con.run('DROP TABLE docs');
  [t] = await best(async () => {
    let n = 0;
    await hyparquet.parquetRead({ file: await hyparquet.asyncBufferFromFile(f), compressors, columns: ['text'],
      onChunk: c => { for (const s of c.columnData) n += s.length; } });
    return n;
  });
  out('hyparquet', 'read_text', t, { bytes: textBytes });
  const bytes = new Uint8Array(fs.readFileSync(f));
  [t] = await best(() => pw.readParquet(bytes, { columns: ['text'] }).numBatches);
  out('parquet-wasm', 'read_text', t, { bytes: textBytes });
  const ipc = pw.readParquet(bytes).intoIPCStream();
  [t] = await best(() => pw.writeParquet(pw.Table.fromIPCStream(ipc), new pw.WriterPropertiesBuilder().setCompression(pw.Compression.ZSTD).build()).length);
  out('parquet-wasm', 'write_zstd', t, { bytes: textBytes });
} else {
  console.error('usage: peers_bench.mjs make CORPUS_DIR OUT.parquet | run IN.parquet WORK_DIR');
  process.exit(2);
}
