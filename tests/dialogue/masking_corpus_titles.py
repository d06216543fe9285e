"""Names after a title ("ông", "bà", "anh", "chị", "cô", "chú"...): other people are flagged for
the reviewer, the asker's own name is masked, ordinary phrases are left alone.

Written from an audit outside the first corpus (#20), which found three misses: given names
that are also words once their diacritics are gone ("anh Minh", "chị Nhung", "anh Tài" were
read as "mình", "nhưng", "tại"); someone sharing syllables with the asker ("chị Trần Ngọc
Lan" for Trần Thị Bích Ngọc came out "chị [đã ẩn] Lan", half masked and not flagged); names
in lower case ("anh nguyen van hung", "chị lan"). Part of CORPUS (test_masking_corpus.py).
"""

from .masking_corpus import N, P

CASES = [
    # --- given names that are also words without their diacritics --------------------------
    N("Tôi đã gặp anh Minh ở bộ phận một cửa.", flag=["Minh"]),
    N("Chị Nhung hướng dẫn tôi bổ sung tờ khai.", flag=["Nhung"]),
    N("Anh Tài ở bộ phận tiếp nhận đã nhận hồ sơ.", flag=["Tài"]),
    N("Hồ sơ do ông Minh Tuấn ký nhận.", flag=["Minh Tuấn"]),
    N("Ông Minh Tuấn và bà Nhung cùng đứng tên sổ đỏ.", flag=["Minh Tuấn", "Nhung"]),
    P("Liên hệ anh Minh, số 0912 345 678.", ident=["0912 345 678"], flag=["Minh"]),
    N("Đề nghị công khai, minh bạch các khoản thu."),
    N("Hồ sơ đã đủ nhưng chưa được giải quyết."),
    N("Tài chính của dự án được công khai trên cổng."),
    N("Tài liệu gửi kèm gồm 3 trang."),
    N("Sở Văn hóa và Thể thao minh bạch tài chính, nhưng chậm trả lời."),
    N("Xin chào anh chị Nhưng tôi chưa nhận được kết quả."),
    N("Cảm ơn anh Tại sao hồ sơ bị trả lại?"),
    N("Kính gửi anh chị Mình muốn hỏi về thủ tục 1.000894."),
    # --- someone else sharing syllables with the asker: flagged whole, not half masked ------
    N("Tôi gặp chị Trần Ngọc Lan ở phường.", flag=["Trần Ngọc Lan"]),
    N("Hồ sơ do anh Phạm Bảo Long tiếp nhận.", "bao", flag=["Phạm Bảo Long"]),
    N("Ông Lê Hòa Bình là tổ trưởng dân phố.", "hoa", flag=["Lê Hòa Bình"]),
    N("gửi chị trần ngọc lan ở tổ 3", flag=["trần ngọc lan"]),
    P("Trả lời chị Trần Ngọc như sau:", name=["Trần Ngọc"]),
    P("Kính gửi chị Ngọc Phường Phú Xuân,", name=["Ngọc"]),
    P("Ông Phạm Bảo đề nghị cấp phép.", "bao", name=["Phạm Bảo"]),
    # --- names in lower case -------------------------------------------------------------
    N("Hàng xóm là anh nguyen van hung, hay đổ rác ra đường.", flag=["nguyen van hung"]),
    N("Tôi đã hỏi chị lan ở bộ phận một cửa.", flag=["lan"]),
    N("ông lê văn hùng xây lấn sang đất nhà tôi.", flag=["lê văn hùng"]),
    N("Nhờ cô trần thị hương ký xác nhận.", flag=["trần thị hương"]),
    P("anh tuấn (0905 111 222) là người làm chứng.", ident=["0905 111 222"], flag=["tuấn"]),
    N("Cảm ơn chị ngọc đã góp ý.", flag=["ngọc"]),  # maybe the asker: flagged, not masked
    N("Anh chị lan truyền thông tin sai sự thật."),
    N("Anh em trong họ đều đồng ý chia đất."),
    N("Chị em phụ nữ được hỗ trợ học nghề."),
    N("Ông bà tôi để lại mảnh đất này."),
    N("Anh ấy đã nộp hồ sơ từ tháng trước."),
    N("Bà mẹ Việt Nam anh hùng được tặng quà dịp 27/7."),
    N("Đề nghị anh liên hệ bộ phận một cửa."),
    N("Chú ý: mang theo bản chính để đối chiếu."),
    N("Cụ thể như sau: hồ sơ gồm 2 bộ."),
    N("Bác sĩ đã ký giấy chứng nhận nghỉ việc."),
    N("Như anh bảo, tôi đã bổ sung giấy tờ."),
    N("Xin chị bình tĩnh chờ kết quả."),
    N("Chúc anh chị hạnh phúc."),
    N("anh dang lam viec o xa nen chua nop duoc"),
    N("Hoa anh đào nở vào tháng ba."),
    N("Đề nghị anh lưu tâm và tôn trọng ý kiến người dân."),
    N("Liệt sĩ anh dũng hy sinh năm 1972 tại Quảng Trị."),
    N("Gặp anh mai sang phường nộp nốt."),
]
