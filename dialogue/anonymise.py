"""What of the asker may be shown publicly: the label "N.V.A., Phường Phú Xuân".

Decree 92/2017 requires name, address, phone and e-mail; none of them is ever published.
The public copy shows at most the initials and the ward (outside the home province, the ward
and its province). Masking inside the published texts is `dialogue.masking`, the only one.
"""

from django.conf import settings
from django.utils.translation import gettext as _


def initials(full_name):
    """ "Nguyễn Văn An" -> "N.V.A." """
    letters = [word[0].upper() for word in full_name.split() if word[:1].isalpha()]
    return "".join(f"{letter}." for letter in letters)


def asker_label(question):
    place = question.ward_name or question.province_name
    if question.ward_name and question.province_code != settings.DIALOGUE_HOME_PROVINCE:
        # Ward names repeat across provinces; outside the home province say which one.
        place = f"{question.ward_name}, {question.province_name}"
    label = initials(question.full_name)
    if not label:
        return place or _("Người dân")
    return f"{label}, {place}" if place else label
