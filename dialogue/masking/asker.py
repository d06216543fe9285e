"""The asker's own data inside the texts, and other people named after a title.

The asker is known (the question's name, e-mail, phone and street), so their data is found
however it is written: any case, with or without diacritics ("tran thi bich ngoc"), run
together ("TranThiBichNgoc"), partial (any two or more of the syllables in order ending with
the given name: "Trần Ngọc", "Bích Ngọc", "Trần Bích Ngọc"; reversed "Ngọc Trần"; the given
name after a title "chị Ngọc") or with initials ("T.T.B.N.", "T.T.B. Ngọc", "Trần Thị B.
Ngọc"); the e-mail also by its local part; the phone with any separators, with +84 or
without its leading 0; the street as written in the form.

Someone else named after a title ("ông Lê Văn Hùng", "chị Lan", "anh Minh", in lower case
"anh nguyen van hung", "chị lan": `names.py` says which lower-case words may be a name) is
flagged, not masked: the reviewer decides (an official's name in an answer may stay, a
neighbour's may not). When that name shares syllables with the asker's ("chị Trần Ngọc
Lan" for Trần Thị Bích Ngọc) the whole of it is flagged rather than half masked. So is the
asker's given name standing alone ("… (Ngọc)"), which may as well be a word ("An toàn").
"""

import itertools
import re

from portal.vietnamese import fold

from . import names
from .findings import Finding

_B = r"(?<![a-z0-9])"
_E = r"(?![a-z0-9])"
_GAP = r"[\s._\-]*"
TITLES = r"ong|ba|anh|chi|em|co|chu|bac|cu|chau"
# Title words as written (with their diacritics): folded "co" is also "có", "chi" also "chỉ".
TITLE_WORDS = {"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu"}
# Places and streets that begin with a title word.
NOT_PEOPLE = {
    "ba ria",
    "ba chieu",
    "ba diem",
    "ba den",
    "ba trieu",
    "ba huyen",
    "ba na",
    "ba chua",
    "anh son",
    "ong ich",
    "co giang",
    "co bac",
    "co to",
    "chu tich",
    "ba vi",
    "ba dinh",
    "ba be",
    "ba to",
    "ba tri",
    "ba thuoc",
    "ba che",
    "ba ra",
}
# Capitalised words after a title that are not names ("anh/chị Tôi nghỉ…" lacks a full stop).
NOT_NAMES = {
    "toi",
    "em",
    "cho",
    "xin",
    "vui",
    "co",
    "la",
    "oi",
    "va",
    "hay",
    "duoc",
    "da",
    "khong",
    "cung",
    "cac",
    "nhung",
    "con",
    "ban",
    "minh",
    "neu",
    "khi",
    "theo",
    "tai",
    "de",
    "ve",
}
# Written exactly so (lower-cased, with diacritics), a word of NOT_NAMES is a given name:
# "anh Minh" (not "Mình"), "chị Nhung" (not "Nhưng", "Những"), "anh Tài" (not "Tại").
ALSO_NAMES = {"minh", "nhung", "tài"}
# Offices written after a title: "ông Chủ tịch", "bà Giám đốc Sở" name a role, not a person.
OFFICES = re.compile(
    r"^(?:chu tich|pho|giam doc|truong|bo truong|thu truong|bi thu|chanh|tong|cuc truong"
    r"|vu truong|can bo|cong chuc|vien chuc|to truong)"
)


def _words(value):
    return re.findall(r"[a-z0-9]+", fold(value or ""))


def _sequence(words, gap=_GAP):
    return _B + gap.join(re.escape(word) for word in words) + _E


def _word_or_initial(word):
    return rf"(?:{re.escape(word)}|{re.escape(word[0])}\.)"


def _name_patterns(full_name):
    """(pattern, partial) pairs. A partial form is two or three syllables that may also be
    ordinary words ("Văn Hòa" / "văn hóa", "Lê Hoa" / "lễ hoa"), so it counts only when
    written as a name (every word capitalised) or right after the writer introduces a name
    ("tôi là trần ngọc", "gửi anh an": INTRODUCED)."""
    parts = _words(full_name)
    if not parts:
        return []
    patterns = [(_sequence(parts), False)]
    if len(parts) >= 2:
        initials = [part[0] for part in parts]
        patterns += [
            # T.T.B.N. / TTBN / T. T. B. N.
            (_B + r"\.?\s?".join(initials) + r"\.?" + r"(?![a-z0-9])", False),
            # Any syllable but the last as its initial: T.T.B. Ngọc, Trần T.B. Ngọc,
            # Trần Thị B. Ngọc, T.T.B.Ngọc.
            (
                _B + _GAP.join([*map(_word_or_initial, parts[:-1]), re.escape(parts[-1])]) + _E,
                False,
            ),
            (_sequence([parts[-1], parts[0]]), True),  # Ngọc Trần, as on foreign forms
        ]
        # Two or more of the syllables in order, ending with the given name: Trần Ngọc,
        # Bích Ngọc, Trần Bích Ngọc, Thị Bích Ngọc...
        for size in range(2, len(parts)):
            for chosen in itertools.combinations(parts[:-1], size - 1):
                patterns.append((_sequence([*chosen, parts[-1]]), True))
    # The given name alone only after a title: "chị Ngọc", "anh An".
    patterns.append((rf"{_B}(?:{TITLES})\s+({re.escape(parts[-1])}){_E}", True))
    return patterns


# Words that introduce a name: after them a partial name counts even in lower case.
INTRODUCED = re.compile(
    r"(?<![a-z])(?:toi la|toi ten|ten toi la|ten toi|ten la|ho ten|ho va ten|ky ten|ky"
    r"|nguoi hoi|nguoi gui|nguoi lam don|kinh gui|gui|tra loi|chao)"
    rf"\s*:?\s*(?:(?:{TITLES})\s+)?$"
)


def _written_as_name(text):
    return all(word[0].isupper() for word in re.findall(r"[^\W\d_]+", text))


def _email_patterns(email):
    email = fold(email or "")
    if "@" not in email:
        return []
    local = email.split("@", 1)[0]
    patterns = [re.escape(email)]
    if len(local) >= 4:
        patterns.append(r"(?<![a-z0-9._%+\-])" + re.escape(local) + r"(?![a-z0-9_%+\-])")
    return patterns


def _digits(digits):
    return r"(?<!\d)" + r"[\s.\-()]?".join(re.escape(d) for d in digits) + r"(?!\d)"


def _phone_patterns(phone):
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    if len(digits) < 8:
        return []
    patterns = [_digits(digits)]
    if digits.startswith("0"):
        patterns.append(r"\+?\(?\+?" + _digits("84" + digits[1:]))
        patterns.append(_digits(digits[1:]))
    return patterns


def _street_patterns(street):
    words = _words(street)
    if sum(len(word) for word in words) < 4:
        return []
    patterns = [_sequence(words, r"[\s,.\-/]*")]
    if words[:2] == ["so", "nha"] and len(words) > 2:
        patterns.append(_sequence(words[2:], r"[\s,.\-/]*"))
    elif words[:1] == ["so"] and len(words) > 1:
        patterns.append(_sequence(words[1:], r"[\s,.\-/]*"))
    return patterns


def _own(asker):
    if asker is None:
        return []
    return [
        ("asker_name", _name_patterns(getattr(asker, "full_name", ""))),
        ("asker_email", [(p, False) for p in _email_patterns(getattr(asker, "email", ""))]),
        ("asker_phone", [(p, False) for p in _phone_patterns(getattr(asker, "phone", ""))]),
        ("asker_street", [(p, False) for p in _street_patterns(getattr(asker, "street", ""))]),
    ]


# Only the title word is consumed, so "ông Nam và bà Hoa" finds both.
TITLED = re.compile(r"(?<!\w)(\w+)(?=\s+([^\W\d_][\w']*(?:\s+[^\W\d_][\w']*){0,3}))")
# Capitalised words that start a place or an office, never a name: "chị Ngọc Phường Phú
# Xuân" names Ngọc, not "Ngọc Phường".
NOT_IN_NAME = {"phường", "xã", "huyện", "tỉnh", "quận", "thôn", "sở", "ubnd", "ủy", "bộ", "phòng"}


def _titled_names(text, folded, asker_parts):
    """Names after a title word: the asker's (masked) or someone else's (flagged).

    Capitalised words are a name unless the first is a known word (NOT_NAMES, but not when
    written as the given name it also is: ALSO_NAMES). Lower-case words are one only when
    `names.lower_case_name` finds them plausible; the asker's own in lower case ("chị
    ngọc") is flagged as possibly hers, since "anh an tâm" is not a name.
    """
    for match in TITLED.finditer(text):
        if match.group(1).lower() not in TITLE_WORDS:
            continue
        words = match.group(2).split()
        following = fold(match.group(2))
        if f"{fold(match.group(1))} {following}".startswith(tuple(NOT_PEOPLE)) or OFFICES.match(
            following
        ):
            continue
        capitalised = words[0][0].isupper()
        if capitalised:
            count = 0
            for word in words:
                if not word[0].isupper() or word.lower() in NOT_IN_NAME:
                    break
                count += 1
            first = words[0].lower()
            if not count or (fold(first) in NOT_NAMES and first not in ALSO_NAMES):
                continue
        else:
            count = names.lower_case_name(words)
            if not count:
                continue
        start = match.start(2)
        end = _extend(text, start, count)
        own = asker_parts and set(fold(" ".join(words[:count])).split()) <= asker_parts
        if own and capitalised:
            yield Finding(start, end, "asker_name", True, "")
        else:
            yield Finding(start, end, "asker_given_name" if own else "third_party", False, "")


def _extend(text, start, count):
    end = start
    for _ in range(count):
        word = re.compile(r"\s*[^\W\d_][\w']*").match(text, end)
        if not word:
            break
        end = word.end()
    return end


def find_all(text, folded, asker):
    asker_parts = set(_words(getattr(asker, "full_name", ""))) if asker else set()
    titled = list(_titled_names(text, folded, asker_parts))
    others = [f for f in titled if f.kind == "third_party"]
    found = []
    for kind, patterns in _own(asker):
        for pattern, partial in patterns:
            for match in re.finditer(pattern, folded):
                span = match.span(1) if match.re.groups else match.span()
                if span[1] <= span[0]:
                    continue
                if partial and (
                    # "chị Trần Ngọc Lan" is someone else, not "chị [đã ẩn] Lan": the whole
                    # name is flagged for the reviewer instead.
                    any(span[0] < other.end and other.start < span[1] for other in others)
                    or (
                        not _written_as_name(text[span[0] : span[1]])
                        and not INTRODUCED.search(folded[max(0, span[0] - 30) : span[0]])
                    )
                ):
                    continue
                found.append(Finding(*span, kind, True, ""))
    found.extend(titled)
    if asker is not None:
        found.extend(_given_name_alone(text, folded, _words(getattr(asker, "full_name", ""))))
    return found


_WORD_BEFORE = re.compile(r"([^\W\d_][\w']*) $")
_WORD_AFTER = re.compile(r" ([^\W\d_][\w']*)")


def _given_name_alone(text, folded, parts):
    """The asker's given name alone and capitalised ("… (Ngọc)", "Ngọc xin cảm ơn"): maybe
    her, maybe a word or a place ("An toàn", "Nghệ An"), so flagged for the reviewer, not
    masked. Next to another capitalised word it is part of some other name and left alone
    (a masked form of her own name covers it anyway)."""
    if len(parts) < 2:
        return
    for match in re.finditer(_B + re.escape(parts[-1]) + _E, folded):
        start, end = match.span()
        if not text[start].isupper():
            continue
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        after = _WORD_AFTER.match(text, end)
        if any(word and word.group(1)[0].isupper() for word in (before, after)):
            continue
        yield Finding(start, end, "asker_given_name", False, "")
