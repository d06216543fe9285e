"""Write `tests/procedures/data/catalogue-search.jsonl.gz` from the national catalogue export.

    .venv/bin/python bench/search_corpus_fixture.py PATH/TO/tthc_dichvucong.jsonl

The citizen-phrasing tests (`tests/procedures/test_citizen_phrasings.py`) must rank the right
procedure among all 2,642, so they need the whole catalogue, but the project may not read
the export at run time. This keeps, for every procedure, only what the search reads from
the record apart from the dossier table (code, name, level, field, type, agencies,
applicants, result): 188 KB gzipped instead of 20 MB. Source: see procedures/fixtures/README.md.
"""

import gzip
import json
import sys
from pathlib import Path

KEEP = (
    "ma_thu_tuc",
    "ten_thu_tuc",
    "cap_thuc_hien",
    "linh_vuc",
    "loai_thu_tuc",
    "co_quan_co_tham_quyen",
    "doi_tuong_thuc_hien",
    "co_quan_thuc_hien",
    "ket_qua_xu_ly",
    "source_folder",
)
TARGET = Path(__file__).resolve().parent.parent / "tests" / "procedures" / "data"


def main(source):
    lines = []
    with open(source, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            lines.append(json.dumps({key: record.get(key) for key in KEEP}, ensure_ascii=False))
    TARGET.mkdir(parents=True, exist_ok=True)
    path = TARGET / "catalogue-search.jsonl.gz"
    # mtime=0: the same export always gives the same bytes.
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode())
    print(f"{len(lines)} procedures -> {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
