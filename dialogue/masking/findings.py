"""What a detector reports: a span of the text, why, and whether it is masked or flagged."""

import hashlib
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.vietnamese import fold

MASK = "[đã ẩn]"

REASONS = {
    "asker_name": _("Họ tên người hỏi"),
    "asker_email": _("Thư điện tử của người hỏi"),
    "asker_phone": _("Điện thoại của người hỏi"),
    "asker_street": _("Địa chỉ của người hỏi"),
    "email": _("Địa chỉ thư điện tử"),
    "phone": _("Số điện thoại"),
    "phone_words": _("Số điện thoại viết bằng chữ"),
    "id_number": _("Số CMND, CCCD, định danh"),
    "passport": _("Số hộ chiếu"),
    "tax_code": _("Mã số thuế"),
    "insurance": _("Số bảo hiểm xã hội, bảo hiểm y tế"),
    "bank_account": _("Số tài khoản ngân hàng"),
    "plate": _("Biển số xe"),
    "dossier_code": _("Mã hồ sơ (tra cứu ra người nộp)"),
    "address": _("Số nhà, tên đường"),
    "birth_date": _("Ngày sinh"),
    "third_party": _("Tên người khác (xin xem có cần ẩn không)"),
    "asker_given_name": _("Có thể là tên người hỏi (xin xem có cần ẩn không)"),
}


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: str  # a key of REASONS
    masked: bool  # False: flagged for the reviewer, left in the text
    text: str  # the span of the (NFC) text

    @property
    def reason(self):
        return REASONS[self.kind]

    @property
    def key(self):
        """Stable across renderings of the same text: what the reviewer's checkbox confirms."""
        return hashlib.sha256(f"{self.kind}:{fold(self.text)}".encode()).hexdigest()[:16]
