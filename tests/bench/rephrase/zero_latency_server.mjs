// A zero-latency OpenAI-compatible server for throughput runs: answers POST /v1/chat/completions and
// /v1/completions at once with a REWIRE-shaped echo of the draft, so client-side extraction is exercised.
// Usage: node zero_latency_server.mjs [port]   (prints "listening <port>" when ready; 0 = pick a free port)
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
let served = 0;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'GET' && req.url === '/served') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(String(served));
      return;
    }
    const chat = req.url === '/v1/chat/completions';
    if (req.method !== 'POST' || !(chat || req.url === '/v1/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"not found"}}');
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const prompt = chat ? body.messages[body.messages.length - 1].content : body.prompt;
    const at = prompt.lastIndexOf('Original Draft: ');
    const draft = at >= 0 ? prompt.slice(at + 16) : prompt.slice(-200);
    const content = `<thinking starts>ok<thinking ends>\n<improved response starts>\n${draft}\n<improved response ends>`;
    const choice = chat
      ? { index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }
      : { index: 0, text: content, finish_reason: 'stop' };
    served++;
    const out = JSON.stringify({
      id: 'cmpl-' + served, object: chat ? 'chat.completion' : 'text_completion', created: 0, model: body.model,
      choices: [choice],
      usage: { prompt_tokens: Math.ceil(prompt.length / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: 0 },
    });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
    res.end(out);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
