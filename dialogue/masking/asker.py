"""The asker's own data inside the texts, and other people named after a title.

The asker is known (the question's name, e-mail, phone and street), so their data is found
however it is written: any case, with or without diacritics ("tran thi bich ngoc"), run
together ("TranThiBichNgoc"), partial (family and given name "Trần Ngọc", the last two
syllables "Bích Ngọc", the given name after a title "chị Ngọc") or as initials ("T.T.B.N.",
"T.T.B. Ngọc"); the e-mail also by its local part; the phone with any separators, with +84
or without its leading 0; the street as written in the form.

Someone else named after a title ("ông Lê Văn Hùng", "chị Lan") is flagged, not masked: the
reviewer decides (an official's name in an answer may stay, a neighbour's may not).
"""

import re

from portal.vietnamese import fold

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
# Offices written after a title: "ông Chủ tịch", "bà Giám đốc Sở" name a role, not a person.
OFFICES = re.compile(
    r"^(?:chu tich|pho|giam doc|truong|bo truong|thu truong|bi thu|chanh|tong|cuc truong"
    r"|vu truong|can bo|cong chuc|vien chuc|to truong)"
)


def _words(value):
    return re.findall(r"[a-z0-9]+", fold(value or ""))


def _sequence(words, gap=_GAP):
    return _B + gap.join(re.escape(word) for word in words) + _E


def _name_patterns(full_name):
    """(pattern, partial) pairs. A partial form is two or three syllables that may also be
    ordinary words ("Văn Hòa" / "văn hóa", "Lê Hoa" / "lễ hoa"), so it counts only when
    written as a name: every word capitalised."""
    parts = _words(full_name)
    if not parts:
        return []
    patterns = [(_sequence(parts), False)]
    if len(parts) >= 2:
        initials = [part[0] for part in parts]
        patterns += [
            (_sequence([parts[0], parts[-1]]), True),  # Trần Ngọc
            # T.T.B.N. / TTBN / T. T. B. N.
            (_B + r"\.?\s?".join(initials) + r"\.?" + r"(?![a-z0-9])", False),
            # T.T.B. Ngọc / T.T.B.Ngọc
            (_B + r"\.\s?".join(initials[:-1]) + r"\.\s?" + re.escape(parts[-1]) + _E, False),
        ]
        if len(parts) >= 3:  # Trần T.B. Ngọc
            middle = r"\.?\s?".join(initials[1:-1]) + r"\.?"
            patterns.append(
                (
                    _B + re.escape(parts[0]) + r"\s+" + middle + r"\s?" + re.escape(parts[-1]) + _E,
                    False,
                )
            )
    if len(parts) >= 3:
        patterns.append((_sequence(parts[-2:]), True))  # Bích Ngọc
        patterns.append((_sequence(parts[1:]), True))  # Thị Bích Ngọc
    # The given name alone only after a title: "chị Ngọc", "anh An".
    patterns.append((rf"{_B}(?:{TITLES})\s+({re.escape(parts[-1])}){_E}", True))
    return patterns


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


def _titled_names(text, folded, asker_parts):
    """Capitalised words after a title word: the asker (masked) or someone else (flagged)."""
    for match in TITLED.finditer(text):
        if match.group(1).lower() not in TITLE_WORDS:
            continue
        words = match.group(2).split()
        name = []
        for word in words:
            if not word[0].isupper():
                break
            name.append(word)
        if not name:
            continue
        start = match.start(2)
        end = _extend(text, start, len(name))
        folded_name = fold(" ".join(name))
        following = fold(match.group(2))
        if (
            f"{fold(match.group(1))} {following}".startswith(tuple(NOT_PEOPLE))
            or OFFICES.match(following)
            or folded_name.split()[0] in NOT_NAMES
        ):
            continue
        if asker_parts and set(folded_name.split()) <= asker_parts:
            yield Finding(start, end, "asker_name", True, "")
        else:
            yield Finding(start, end, "third_party", False, "")


def _extend(text, start, count):
    end = start
    for _ in range(count):
        word = re.compile(r"\s*[^\W\d_][\w']*").match(text, end)
        if not word:
            break
        end = word.end()
    return end


def find_all(text, folded, asker):
    found = []
    for kind, patterns in _own(asker):
        for pattern, partial in patterns:
            for match in re.finditer(pattern, folded):
                span = match.span(1) if match.re.groups else match.span()
                if span[1] <= span[0]:
                    continue
                if partial and not _written_as_name(text[span[0] : span[1]]):
                    continue
                found.append(Finding(*span, kind, True, ""))
    asker_parts = set(_words(getattr(asker, "full_name", ""))) if asker else set()
    found.extend(_titled_names(text, folded, asker_parts))
    return found
