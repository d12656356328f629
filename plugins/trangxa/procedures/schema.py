"""The record format: which keys a procedure file has, what they mean, which values are allowed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum

from trangxa.core.slugs import fold


@dataclass(frozen=True)
class Key:
    """One key of a record: its Vietnamese meaning and an example line for messages."""

    name: str
    label: str
    example: str
    required: bool = True


RECORD_KEYS: tuple[Key, ...] = (
    Key("code", "mã thủ tục", 'code: "1.001193"'),
    Key("name", "tên thủ tục", "name: Đăng ký khai sinh"),
    Key("field", "lĩnh vực", "field: Hộ tịch"),
    Key("level", "cấp thực hiện", "level: Cấp xã", required=False),
    Key("agency", "cơ quan thực hiện", "agency: Ủy ban nhân dân xã Hòa An"),
    Key(
        "submit_at",
        "địa chỉ tiếp nhận hồ sơ",
        "submit_at: Trung tâm Phục vụ hành chính công xã Hòa An",
    ),
    Key("channels", "cách thức thực hiện", "channels: [trực tiếp, bưu chính, trực tuyến]"),
    Key("steps", "trình tự thực hiện", "steps:\n  - Nộp hồ sơ tại ..."),
    Key("documents", "thành phần hồ sơ", "documents:\n  - name: Tờ khai đăng ký khai sinh"),
    Key("processing_time", "thời hạn giải quyết", "processing_time: Ngay trong ngày tiếp nhận"),
    Key("fees", "phí, lệ phí", "fees: Miễn lệ phí"),
    Key("applicants", "đối tượng thực hiện", "applicants: Công dân Việt Nam"),
    Key("requirements", "yêu cầu, điều kiện", "requirements: Không", required=False),
    Key("result", "kết quả thực hiện", "result: Giấy khai sinh (bản chính)"),
    Key("legal_basis", "căn cứ pháp lý", "legal_basis:\n  - Luật Hộ tịch số 60/2014/QH13"),
    Key("online", "dịch vụ công trực tuyến", "online:\n  level: toàn trình", required=False),
    Key("history", "lịch sử công bố", "history:\n  - change: mới ban hành"),
)

DOCUMENT_KEYS: tuple[Key, ...] = (
    Key("name", "tên giấy tờ", "- name: Tờ khai đăng ký khai sinh"),
    Key("template", "mẫu đơn, tờ khai", "template: Mẫu theo Thông tư 04/2020/TT-BTP", False),
    Key("copies", "số lượng", "copies: 1", required=False),
)

ONLINE_KEYS: tuple[Key, ...] = (
    Key("level", "mức độ dịch vụ công trực tuyến", "level: toàn trình"),
    Key("url", "địa chỉ nộp hồ sơ trực tuyến", "url: https://dichvucong.gov.vn/...", False),
)

HISTORY_KEYS: tuple[Key, ...] = (
    Key("change", "nội dung thay đổi", "change: mới ban hành"),
    Key("decision", "số quyết định công bố", "decision: 3218/QĐ-UBND"),
    Key("decision_date", "ngày ký quyết định", "decision_date: 18/11/2024"),
    Key("posted", "ngày đăng lên trang", "posted: 20/11/2024"),
    Key("replaced_by", "mã thủ tục thay thế", 'replaced_by: "1.001193"', required=False),
    Key("note", "ghi chú", "note: Rút ngắn thời hạn giải quyết", required=False),
)

# Staff who think in Vietnamese write these; each points to the key meant.
VIETNAMESE_ALIASES: dict[str, str] = {
    "ma": "code",
    "ma_thu_tuc": "code",
    "ma_so": "code",
    "ten": "name",
    "ten_thu_tuc": "name",
    "linh_vuc": "field",
    "cap": "level",
    "cap_thuc_hien": "level",
    "co_quan": "agency",
    "co_quan_thuc_hien": "agency",
    "dia_chi": "submit_at",
    "dia_chi_tiep_nhan": "submit_at",
    "noi_nop": "submit_at",
    "cach_thuc": "channels",
    "cach_thuc_thuc_hien": "channels",
    "hinh_thuc_nop": "channels",
    "trinh_tu": "steps",
    "trinh_tu_thuc_hien": "steps",
    "cac_buoc": "steps",
    "ho_so": "documents",
    "thanh_phan_ho_so": "documents",
    "giay_to": "documents",
    "thoi_han": "processing_time",
    "thoi_han_giai_quyet": "processing_time",
    "phi": "fees",
    "le_phi": "fees",
    "phi_le_phi": "fees",
    "doi_tuong": "applicants",
    "doi_tuong_thuc_hien": "applicants",
    "yeu_cau": "requirements",
    "dieu_kien": "requirements",
    "yeu_cau_dieu_kien": "requirements",
    "ket_qua": "result",
    "ket_qua_thuc_hien": "result",
    "can_cu": "legal_basis",
    "can_cu_phap_ly": "legal_basis",
    "truc_tuyen": "online",
    "dich_vu_cong": "online",
    "dvc": "online",
    "lich_su": "history",
    "thay_doi": "history",
    "mau": "template",
    "mau_don": "template",
    "to_khai": "template",
    "so_luong": "copies",
    "so_ban": "copies",
    "muc_do": "level",
    "duong_dan": "url",
    "lien_ket": "url",
    "quyet_dinh": "decision",
    "so_quyet_dinh": "decision",
    "ngay_quyet_dinh": "decision_date",
    "ngay_ky": "decision_date",
    "ngay_dang": "posted",
    "ngay_cong_bo": "posted",
    "thay_the_boi": "replaced_by",
    "ghi_chu": "note",
}


def suggest_key(unknown: str, keys: tuple[Key, ...]) -> Key | None:
    """The known key staff most likely meant, from a Vietnamese alias or a near spelling."""
    by_name = {key.name: key for key in keys}
    alias = VIETNAMESE_ALIASES.get(re.sub(r"[\s-]+", "_", fold(unknown)).strip("_"))
    if alias in by_name:
        return by_name[alias]
    close = difflib.get_close_matches(unknown.lower(), list(by_name), n=1, cutoff=0.6)
    return by_name[close[0]] if close else None


class ChangeKind(Enum):
    """A change in a procedure's life, as provincial publishing decisions name them."""

    NEW = "mới ban hành"
    AMENDED = "sửa đổi, bổ sung"
    REPLACED = "thay thế"
    ABOLISHED = "bãi bỏ"

    @property
    def count_key(self) -> str:
        """Key of this change in the counts of issue reports."""
        return _COUNT_KEYS[self]

    @property
    def ends_procedure(self) -> bool:
        """Whether the procedure is no longer in force after this change."""
        return self in (ChangeKind.REPLACED, ChangeKind.ABOLISHED)


_COUNT_KEYS = {
    ChangeKind.NEW: "new",
    ChangeKind.AMENDED: "amended",
    ChangeKind.REPLACED: "replaced",
    ChangeKind.ABOLISHED: "abolished",
}


class OnlineLevel(Enum):
    """How far a procedure can be done on the public-service portal."""

    FULL = "toàn trình"
    PARTIAL = "một phần"
    NONE = "không"

    @property
    def slug(self) -> str:
        """Value used in filter attributes of the index page."""
        return {"toàn trình": "toan-trinh", "một phần": "mot-phan", "không": "khong"}[self.value]


class Channel(Enum):
    """A way to hand in the application."""

    IN_PERSON = "trực tiếp"
    POST = "bưu chính"
    ONLINE = "trực tuyến"


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


_CHANGE_FORMS = {
    "moi ban hanh": ChangeKind.NEW,
    "ban hanh moi": ChangeKind.NEW,
    "moi": ChangeKind.NEW,
    "sua doi bo sung": ChangeKind.AMENDED,
    "duoc sua doi bo sung": ChangeKind.AMENDED,
    "sua doi": ChangeKind.AMENDED,
    "bo sung": ChangeKind.AMENDED,
    "thay the": ChangeKind.REPLACED,
    "bi thay the": ChangeKind.REPLACED,
    "bai bo": ChangeKind.ABOLISHED,
    "bi bai bo": ChangeKind.ABOLISHED,
}
_ONLINE_FORMS = {
    "toan trinh": OnlineLevel.FULL,
    "muc do 4": OnlineLevel.FULL,
    "mot phan": OnlineLevel.PARTIAL,
    "muc do 3": OnlineLevel.PARTIAL,
    "khong": OnlineLevel.NONE,
    "khong co": OnlineLevel.NONE,
}
_CHANNEL_FORMS = {
    "truc tiep": Channel.IN_PERSON,
    "nop truc tiep": Channel.IN_PERSON,
    "buu chinh": Channel.POST,
    "dich vu buu chinh": Channel.POST,
    "qua buu chinh": Channel.POST,
    "buu dien": Channel.POST,
    "truc tuyen": Channel.ONLINE,
    "nop truc tuyen": Channel.ONLINE,
}


def parse_change(text: str) -> ChangeKind | None:
    """Change kind from what staff typed, with or without diacritics and commas."""
    return _CHANGE_FORMS.get(_words(text))


def parse_online_level(text: str) -> OnlineLevel | None:
    """Online-service level from what staff typed."""
    return _ONLINE_FORMS.get(_words(text))


def parse_channel(text: str) -> Channel | None:
    """Submission channel from what staff typed."""
    return _CHANNEL_FORMS.get(_words(text))
