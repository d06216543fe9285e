"""The one masking of personal data in everything the dialogue publishes.

Every published text (question title and text, answer) goes through `mask()` at approval and
again on republication; the reviewer's screen shows `scan()`'s findings first. Nothing else
in the portal masks: `dialogue.anonymise` only builds the public "N.V.A., Phường ..." label.

Two kinds of finding:
- **masked** (replaced by "[đã ẩn]"): the asker's own name, e-mail, phone and street in any
  case, with or without diacritics, partial or as initials (`asker.py`); any e-mail address,
  also obfuscated; phone numbers, also spelled in Vietnamese words; CMND, CCCD, passport,
  tax, social-insurance and bank-account numbers; licence plates; house numbers with their
  street; dates of birth (`patterns.py`).
- **flagged** (left in place, shown to the reviewer, who must confirm each before approving):
  a third party named after a title, "ông Lê Văn Hùng", "chị Lan", "anh nguyen van hung"
  (also one sharing syllables with the asker: flagged whole), and the asker's given name
  standing alone, "… (Ngọc)" (`asker.py`). Whether an official named in an answer may stay,
  or whether "An" is the asker or a word, is a human decision.

Procedure codes (1.000894), document numbers (61/2018/NĐ-CP), decision dates and sums of money
are kept: an answer without them is useless, and none identifies a citizen.

Detectors work on the NFC text and on its fold (`portal.vietnamese.fold_aligned`: lower case,
no diacritics, same length), so "tran thi bich ngoc", "TRẦN THỊ BÍCH NGỌC" and "Trần Thị
Bích Ngọc" are one name and a match in the fold is the same span of the original. The
corpus in tests/dialogue/masking_corpus.py and masking_corpus_titles.py measures precision
and recall.
"""

import unicodedata

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from portal.vietnamese import fold_aligned

from . import asker as asker_detectors
from . import patterns
from .findings import MASK, REASONS, Finding

__all__ = ["MASK", "REASONS", "Finding", "flags", "highlight", "mask", "scan"]


# Full-width forms ("ｎｇｏｃ＠ｇｍａｉｌ．ｃｏｍ", "０９１４…", from some keyboards) read as their
# ASCII characters (letters in lower case, as the fold has them), one for one, so the
# fold keeps the text's length.
_FULL_WIDTH = {code: chr(code - 0xFEE0).lower() for code in range(0xFF01, 0xFF5F)}


def _prepare(text):
    text = unicodedata.normalize("NFC", text or "")
    return text, fold_aligned(text).translate(_FULL_WIDTH)


def _resolve(findings):
    """Non-overlapping findings in order; a masked one wins over a flag it overlaps, and
    overlapping masked spans become one."""
    masked = sorted((f for f in findings if f.masked), key=lambda f: (f.start, -f.end))
    merged = []
    for finding in masked:
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            if finding.end > last.end:
                merged[-1] = Finding(last.start, finding.end, last.kind, True, "")
            continue
        merged.append(finding)
    flags = []
    for flag in sorted((f for f in findings if not f.masked), key=lambda f: f.start):
        overlaps = any(flag.start < m.end and m.start < flag.end for m in merged)
        if not overlaps and not any(flag.start < f.end for f in flags[-1:]):
            flags.append(flag)
    return sorted(merged + flags, key=lambda f: f.start)


def scan(text, asker=None):
    """Everything personal found in `text`, masked or flagged, in order of position.

    `asker` is the question (anything with full_name, email, phone, street); None scans for
    the generic shapes only.
    """
    text, folded = _prepare(text)
    found = list(patterns.find_all(text, folded))
    found += asker_detectors.find_all(text, folded, asker)
    resolved = _resolve(found)
    return [Finding(f.start, f.end, f.kind, f.masked, text[f.start : f.end]) for f in resolved]


def mask(text, asker=None):
    """`text` with every masked finding replaced by MASK (flags stay)."""
    text, _folded = _prepare(text)
    parts, position = [], 0
    for finding in scan(text, asker):
        if finding.masked:
            parts.append(text[position : finding.start])
            parts.append(MASK)
            position = finding.end
    parts.append(text[position:])
    return "".join(parts)


def flags(text, asker=None):
    return [finding for finding in scan(text, asker) if not finding.masked]


def highlight(text, asker=None):
    """HTML of `text` (escaped) with each finding marked and its reason written after it,
    for the reviewer: masked spans struck through, flags highlighted."""
    text, _folded = _prepare(text)
    pieces, position = [], 0
    for finding in scan(text, asker):
        pieces.append(("plain", text[position : finding.start], ""))
        pieces.append(("masked" if finding.masked else "flag", finding.text, finding.reason))
        position = finding.end
    pieces.append(("plain", text[position:], ""))
    return format_html_join(
        "",
        "{}",
        (
            (
                piece
                if kind == "plain"
                else format_html(
                    '<mark class="dialogue-finding dialogue-finding--{}">{}</mark>'
                    '<span class="dialogue-finding__reason"> ({}: {})</span>',
                    kind,
                    piece,
                    _("sẽ ẩn") if kind == "masked" else _("cần xác nhận"),
                    reason,
                ),
            )
            for kind, piece, reason in pieces
        ),
    )
