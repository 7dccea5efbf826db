#!/usr/bin/python3
"""Byte-level token shards for trying the proxy LM without a tokenizer: every UTF-8 byte is one token (vocab 256).
Usage: make_byte_shards.py OUT_PREFIX INPUT...   (INPUT: .txt, or .jsonl with a "text" field per line)
Writes OUT_PREFIX.bin / OUT_PREFIX.idx in Megatron's MMIDIDX layout (uint16, one sequence per document) and
OUT_PREFIX.bytes (the UTF-8 byte count, which `curate lm` uses for bits per byte)."""
import json, struct, sys

def documents(path):
    with open(path, encoding='utf-8') as f:
        if path.endswith('.jsonl'):
            for line in f:
                yield json.loads(line)['text'].encode('utf-8')
        else:
            yield from (d.encode('utf-8') for d in f.read().split('\n\n'))

prefix, inputs = sys.argv[1], sys.argv[2:]
lengths, total = [], 0
with open(prefix + '.bin', 'wb') as out:
    for path in inputs:
        for doc in documents(path):
            out.write(struct.pack(f'<{len(doc)}H', *doc))
            lengths.append(len(doc))
            total += len(doc)
with open(prefix + '.idx', 'wb') as idx:
    idx.write(b'MMIDIDX\x00\x00' + struct.pack('<QBQQ', 1, 8, len(lengths), len(lengths) + 1))
    idx.write(struct.pack(f'<{len(lengths)}i', *lengths))
    pointer = 0
    for n in lengths:
        idx.write(struct.pack('<q', pointer))
        pointer += 2 * n
    idx.write(struct.pack(f'<{len(lengths) + 1}q', *range(len(lengths) + 1)))
with open(prefix + '.bytes', 'w') as f:
    f.write(f'{total}\n')
print(f'{prefix}: {len(lengths)} documents, {total} tokens')
