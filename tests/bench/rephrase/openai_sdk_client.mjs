// The peer: the official OpenAI Node SDK sending the same REWIRE prompts at a fixed concurrency.
// Usage: BENCH_NODE_DIR=DIR node openai_sdk_client.mjs BASE_URL CONCURRENCY REQUESTS PROMPTS_FILE -> one JSON line (requests/second).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// ESM ignores NODE_PATH: resolve the SDK from the bench's own node_modules (BENCH_NODE_DIR).
const require = createRequire(path.join(process.env.BENCH_NODE_DIR ?? process.cwd(), 'index.js'));
const OpenAI = require('openai');

const [baseURL, concurrencyArg, requestsArg, promptFile] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const requests = Number(requestsArg);
// The exact prompts the .NET driver sends, so both sides move the same bytes.
const prompts = readFileSync(promptFile, 'utf8').split('\u0000').filter((p) => p.length > 0);
const client = new OpenAI({ baseURL, apiKey: 'bench-key-not-secret', maxRetries: 3, timeout: 600_000 });

async function send(i) {
  const r = await client.chat.completions.create({
    model: 'bench-model', messages: [{ role: 'user', content: prompts[i % prompts.length] }],
    temperature: 1.0, top_p: 0.9, max_tokens: 512,
  });
  const text = r.choices[0].message.content;
  const s = text.lastIndexOf('<improved response starts>');
  const e = text.indexOf('<improved response ends>', s);
  if (s < 0 || e < 0) throw new Error('missing tags');
  return text.slice(s + 26, e).trim();
}

async function run(n) {
  let next = 0;
  const worker = async () => { while (next < n) { await send(next++); } };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

await run(Math.min(200, requests)); // warm-up
const t0 = process.hrtime.bigint();
await run(requests);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ client: 'openai-node-sdk', concurrency, requests, seconds, rps: requests / seconds }));
