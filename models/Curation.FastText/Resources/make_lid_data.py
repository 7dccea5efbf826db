#!/usr/bin/python3
"""Labelled data for Curation's shipped language-id model, from the shared 25-domain corpus
(shared/data/build_corpus.sh -> CORPUS/{train,val}/<domain>.jsonl, every record has a "lang").

Sources: all multilingual `ml-*` domains, plus English from `brown-*` and `books-literature` (the ml-*
domains hold only ~230 English documents, and English is the language a pipeline filters for most).
Language codes are reduced to their primary subtag (pt-BR -> pt, zh-Hans -> zh, sr-Latn -> sr);
`ar-Latn` (romanised Arabic) is dropped. Documents are cut into chunks of >= 120 characters
(whole lines, newlines -> spaces), at most 12,000 chunks per language (random.Random(0)); languages with
fewer than 40 train chunks are dropped.

Usage: /usr/bin/python3 make_lid_data.py CORPUS_DIR OUT_DIR
  -> OUT_DIR/lid_train.txt (chunks), lid_val_docs.txt (one val document per line), lid_val_chunks.txt"""
import collections, glob, json, os, random, re, sys

CORPUS, OUT = sys.argv[1], sys.argv[2]
ENGLISH_DOMAINS = ('brown-', 'books-literature')
MAX_PER_LANG, MIN_PER_LANG, MIN_CHARS = 12000, 40, 120
ws = re.compile(r'\s+')


def lang_of(rec, domain):
    lang = rec.get('lang') or ''
    if not domain.startswith('ml-'):
        return 'en'
    if lang == 'ar-Latn' or not lang:
        return None
    return lang.split('-')[0].lower()


def docs(split):
    for path in sorted(glob.glob(os.path.join(CORPUS, split, '*.jsonl'))):
        domain = os.path.basename(path)[:-6]
        if not (domain.startswith('ml-') or domain.startswith(ENGLISH_DOMAINS)):
            continue
        for line in open(path, encoding='utf-8'):
            rec = json.loads(line)
            lang = lang_of(rec, domain)
            if lang:
                yield lang, rec['text']


def chunks(text):
    buf = ''
    for line in text.split('\n'):
        line = ws.sub(' ', line).strip()
        if not line:
            continue
        buf = f'{buf} {line}' if buf else line
        if len(buf) >= MIN_CHARS:
            yield buf[:1000]
            buf = ''
    if len(buf) >= MIN_CHARS // 2:
        yield buf


rnd = random.Random(0)
train = collections.defaultdict(list)
for lang, text in docs('train'):
    train[lang].extend(chunks(text))
keep = sorted(l for l, xs in train.items() if len(xs) >= MIN_PER_LANG)
rows = []
for lang in keep:
    xs = train[lang]
    rnd.shuffle(xs)
    rows += [f'__label__{lang} {x}' for x in xs[:MAX_PER_LANG]]
rnd.shuffle(rows)
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, 'lid_train.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(rows) + '\n')
val_docs, val_chunks = [], []
for lang, text in docs('val'):
    if lang not in keep:
        continue
    flat = ws.sub(' ', text).strip()
    if flat:
        val_docs.append(f'__label__{lang} {flat}')
    val_chunks += [f'__label__{lang} {x}' for x in chunks(text)]
with open(os.path.join(OUT, 'lid_val_docs.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(val_docs) + '\n')
with open(os.path.join(OUT, 'lid_val_chunks.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(val_chunks) + '\n')
print(f'{len(keep)} languages: {" ".join(keep)}')
print(f'train chunks {len(rows)}, val docs {len(val_docs)}, val chunks {len(val_chunks)}')
dropped = sorted((l, len(xs)) for l, xs in train.items() if l not in keep)
print('dropped (too few chunks):', ' '.join(f'{l}:{n}' for l, n in dropped))
