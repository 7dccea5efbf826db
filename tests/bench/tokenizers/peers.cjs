// Peer side of bench.sh: single-threaded encode MB/s of npm tiktoken (WASM), gpt-tokenizer (pure JS) and
// HF tokenizers (native) on the same inputs and shapes as TokBench, with the same checksum
// (token count + FNV-1a over all ids). NODE_PATH must reach tests/.tools/node/node_modules.
// Usage: node peers.cjs ENCODINGS INPUT HF_DIR [shapes=chunks,docs]
//   HF_DIR holds <encoding>.tokenizer.json files (bench.sh exports them with TokBench --export)
const fs = require('fs');
const path = require('path');
const [encArg, input, hfDir, shapeArg] = process.argv.slice(2);
const text = fs.readFileSync(input, 'utf8');
const totalBytes = Buffer.byteLength(text, 'utf8');
function chunks(t, size = 1 << 20) {
  const out = [];
  for (let i = 0; i < t.length;) { let j = t.indexOf('\n', i + size); j = j < 0 ? t.length : j + 1; out.push(t.slice(i, j)); i = j; }
  return out;
}
const shapes = { chunks: chunks(text), docs: text.split('\n\n') };
const tiktoken = require('tiktoken');
const hf = require('tokenizers');
const gptMod = { cl100k_base: 'cl100k_base', o200k_base: 'o200k_base', gpt2: 'r50k_base', r50k_base: 'r50k_base' };
function fnv(h, ids) { for (let i = 0; i < ids.length; i++) { h ^= ids[i]; h = Math.imul(h, 16777619) >>> 0; } return h; }

(async () => {
  console.log(`peers: node ${process.version}, input ${totalBytes} bytes`);
  for (const enc of encArg.split(',')) {
    const libs = [];
    { const e = tiktoken.get_encoding(enc); libs.push(['tiktoken(wasm)', s => e.encode(s, [], [])]); }
    { const m = require(`gpt-tokenizer/cjs/encoding/${gptMod[enc]}`); libs.push(['gpt-tokenizer', s => m.encode(s, { disallowedSpecial: new Set() })]); }
    { const t = hf.Tokenizer.fromFile(path.join(hfDir, `${enc}.tokenizer.json`));
      libs.push(['tokenizers(HF)', async s => (await t.encode(s, null, { addSpecialTokens: false })).getIds()]); }
    for (const shape of (shapeArg || 'chunks,docs').split(',')) {
      const inputs = shapes[shape];
      for (const [name, fn] of libs) {
        await fn(inputs[0].slice(0, 100000));
        let n = 0, h = 2166136261;
        const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint();
        for (const s of inputs) { const ids = await fn(s); n += ids.length; h = fnv(h, ids); }
        const dt = Number(process.hrtime.bigint() - t0) / 1e9; const cu = process.cpuUsage(c0); const ct = (cu.user + cu.system) / 1e6;
        console.log(`${enc.padEnd(11)} ${shape.padEnd(6)} ${name.padEnd(27)} wall ${(totalBytes / dt / 1e6).toFixed(2).padStart(6)} MB/s (${dt.toFixed(2)}s)  ` +
          `cpu ${(totalBytes / ct / 1e6).toFixed(2).padStart(6)} MB/s-per-cpu-s (${ct.toFixed(2)}s)  tokens=${n} hash=${h.toString(16)}`);
      }
    }
  }
})().catch(e => { console.error(e); process.exit(1); });
