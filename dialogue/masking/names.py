"""Common Vietnamese name syllables, to tell a name written in lower case after a title
("anh nguyen van hung", "chị lan") from an ordinary phrase ("anh em", "chị em", "ông bà",
"anh ấy", "anh hùng", "chú ý").

A capitalised word after a title is a name unless it is a known word (`asker.NOT_NAMES`); in
lower case nothing marks it, so the lists decide, and they are short on purpose: a miss
here is a third party the reviewer still reads in the text, a false flag is one more
checkbox on every question that says "anh chị". Three rules:
- two to four syllables, the first a family name and every one a name syllable: "anh
  nguyễn văn hùng", "chị trần lan". Written without diacritics the syllables are ambiguous
  ("dang lam" is "đang làm" as well as "Đặng Lâm"), so without them it takes three or more:
  "anh nguyen van hung";
- one syllable only if it is a given name that few common words start with after a title,
  written exactly (with its diacritics): "chị lan", "anh tuấn", but not "anh chị lan
  truyền" (WORDS); never "anh hùng", "anh dũng", "anh đào", "chú ý", "chị bình tĩnh",
  "anh thành công", "như anh bảo", "gặp anh mai";
- lower-cased words compared as written: "đang" is not "Đặng", "năm" not "Nam".
"""

import unicodedata

from portal.vietnamese import fold


def _syllables(words):
    """The words of a list in NFC, with the older tone placement too ("hoà", "thuý")."""
    words = unicodedata.normalize("NFC", words).split()
    older = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "ủy": "uỷ", "úy": "uý"}
    for new, old in older.items():
        words += [word.replace(new, old) for word in words if new in word]
    return frozenset(words)


FAMILY = _syllables(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh"
    " trương lâm mai cao hà đoàn lương tô tạ quách đào chu thái kiều châu mạc khúc lục"
    " vương triệu"
)
# Middle names and given names (most of them are both).
GIVEN = _syllables(
    "văn thị hữu đức ngọc minh quốc thanh xuân hoàng kim bích thu công đình quang anh"
    " tuấn hồng thúy thủy thảo trung hải hùng dũng sơn nam bảo khánh long phong hưng"
    " thắng thành tùng vinh việt khoa huy hiếu lộc phúc tâm thịnh toàn đạt định duy kiên"
    " lợi nghĩa nhân phát quân tài thái thiện tiến trí trường tuệ vũ châu chi diệp hân"
    " hậu khuê linh ly my ngân nhi nhung oanh phương quỳnh tiên trâm uyên vy lan hương"
    " hằng nga trang huyền hạnh loan liên phượng quyên yến vân cúc dung giang hà hiền"
    " hoa mai đào an bình cường hòa tú hào kiệt gia tường tín hiển lực mạnh nhật quý"
    " tấn thông trọng tuyết trinh thư duyên nguyệt điệp hoài lệ hường huệ"
    " ánh diễm đông hạ khang khôi lam luân nguyên nhàn tân thuận thương tuyền vĩnh"
)
NAME_SYLLABLES = FAMILY | GIVEN
FOLDED_FAMILY = frozenset(fold(word) for word in FAMILY)
FOLDED_NAME_SYLLABLES = frozenset(fold(word) for word in NAME_SYLLABLES)
# Alone after a title: given names that begin no common phrase there.
ALONE = _syllables(
    "lan hương nga ngọc nhung huyền loan phượng thúy yến vân oanh cúc dung giang xuân"
    " tuấn tùng hiếu lộc thịnh cường tuệ châu diệp khuê nhi quỳnh trâm uyên vy hường huệ"
    " tuyết hồng nguyệt điệp"
)

# ...unless the next word makes it one: "anh chị lan truyền", "vân vân".
WORDS = frozenset(
    unicodedata.normalize("NFC", phrase)
    for phrase in (
        "lan truyền",
        "lan tỏa",
        "lan rộng",
        "lan ra",
        "vân vân",
        "loan báo",
        "dung túng",
        "dung hòa",
        "giang hồ",
        "cường điệu",
        "thịnh hành",
        "thịnh vượng",
        "hiếu thảo",
        "hiếu học",
        "hồng hào",
        "châu báu",
        "uyên bác",
        "xuân sắc",
    )
)


def _is_syllable(word):
    return word in NAME_SYLLABLES or (word.isascii() and word in FOLDED_NAME_SYLLABLES)


def lower_case_name(words):
    """How many of `words` (lower case, after a title) make a plausible name: 0 if none."""
    run = []
    for word in words[:4]:
        word = word.lower()
        if not word.isalpha() or not _is_syllable(word):
            break
        run.append(word)
    family = run[:1] and (run[0] in FAMILY or (run[0].isascii() and run[0] in FOLDED_FAMILY))
    unambiguous = len(run) >= 3 or not all(word.isascii() for word in run)
    if len(run) >= 2 and family and unambiguous:
        return len(run)
    if words and words[0].lower() in ALONE and " ".join(words[:2]).lower() not in WORDS:
        return 1
    return 0
