"""Generate the same synthetic commune news posts as a Material blog site and a trangxa site."""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

VIETNAM = timezone(timedelta(hours=7))
FIRST_YEAR = 2019
LAST_YEAR = 2025
CATEGORIES = (
    "Tin tức",
    "Thông báo",
    "Cải cách hành chính",
    "Kinh tế - Nông nghiệp",
    "Văn hóa - Xã hội",
)
PAGINATION_PER_PAGE = 10
FEED_ITEMS = 20
SITE_NAME = "Xã Hòa An"
SITE_URL = "https://hoaan.lacson.gov.vn/"
# The sample site's procedures, copied into the trangxa site.
SAMPLE_PROCEDURES = Path(__file__).resolve().parent.parent / "procedures"
CENTRE = "Trung tâm Phục vụ hành chính công xã Hòa An"

VILLAGES = (
    "An Lạc", "Bình Lộc", "Đông Hòa", "Tân Phú", "Phú Xuân",
    "Hòa Bình", "Thượng Đồng", "Hạ Đồng", "Cầu Đá",
)
PROCEDURES = (
    "đăng ký khai sinh", "đăng ký kết hôn", "đăng ký khai tử", "chứng thực bản sao từ bản chính",
    "đăng ký thường trú", "cấp bản sao trích lục hộ tịch", "xác nhận tình trạng hôn nhân",
    "đăng ký giám hộ", "chứng thực chữ ký", "thay đổi, cải chính hộ tịch",
)
REFORM_TOPICS = (
    "dịch vụ công trực tuyến toàn trình", "thanh toán phí, lệ phí không dùng tiền mặt",
    "định danh điện tử VNeID", "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "quy chế một cửa, một cửa liên thông", "chỉ số hài lòng của người dân",
    "cải cách thủ tục hành chính", "chuyển đổi số cấp xã",
)
CAMPAIGNS = (
    "vệ sinh môi trường", "làm đường giao thông nông thôn", "trồng cây xanh",
    "nạo vét kênh mương nội đồng", "phát quang hành lang đường liên thôn",
)
CROPS = (
    "lúa chất lượng cao", "ngô sinh khối", "ớt xuất khẩu", "cam sành",
    "rau an toàn", "bưởi da xanh", "lạc đỏ", "khoai lang tím",
)
FARM_ACTIONS = (
    "chuyển đổi sang trồng", "mở rộng diện tích", "thu hoạch", "áp dụng cơ giới hóa cho",
    "liên kết tiêu thụ", "gieo cấy",
)
LIVESTOCK_DISEASES = (
    ("bệnh dịch tả lợn châu Phi", "đàn lợn"), ("bệnh lở mồm long móng", "đàn trâu, bò"),
    ("bệnh cúm gia cầm", "đàn gà, vịt"), ("bệnh viêm da nổi cục", "đàn bò"),
)
OCOP_PRODUCTS = ("mật ong", "miến dong", "chè xanh", "bánh đa", "nước mắm", "gạo nếp cái hoa vàng")
FESTIVALS = (
    "hội xuân", "lễ hội đình làng", "ngày hội đại đoàn kết toàn dân tộc", "đêm văn nghệ mừng Đảng",
    "hội thi gói bánh chưng", "lễ mừng thọ người cao tuổi",
)
CLUBS = (
    "câu lạc bộ dân ca", "câu lạc bộ dưỡng sinh", "câu lạc bộ phụ nữ với pháp luật",
    "tổ công nghệ số cộng đồng", "câu lạc bộ bóng chuyền hơi",
)
SPORTS = ("bóng đá", "bóng chuyền", "cầu lông", "kéo co", "cờ tướng")
BENEFICIARIES = (
    "học sinh vượt khó", "hộ nghèo", "người có công với cách mạng", "người cao tuổi neo đơn",
    "trẻ em có hoàn cảnh khó khăn",
)
OCCASIONS = ("Tết Nguyên đán", "Ngày Thương binh - Liệt sĩ 27/7", "năm học mới", "Tết Trung thu")
FEES = ("bảo hiểm y tế hộ gia đình", "quỹ phòng, chống thiên tai", "phí vệ sinh môi trường")
CONSULTATIONS = (
    "kế hoạch sử dụng đất", "quy hoạch khu dân cư mới", "dự thảo quy ước thôn",
    "phương án xây dựng nhà văn hóa thôn",
)
HOLIDAYS = ("Tết Nguyên đán", "Giỗ Tổ Hùng Vương", "lễ 30/4 và 1/5", "lễ Quốc khánh 2/9")
REVIEW_FIELDS = (
    "cải cách hành chính", "xây dựng nông thôn mới", "phòng, chống thiên tai", "dân số - gia đình",
    "an ninh trật tự", "tuyên truyền, phổ biến pháp luật",
)

TAGS = {
    "Tin tức": ("hội nghị", "nông thôn mới", "thôn xóm", "chính quyền"),
    "Thông báo": ("lịch tiếp dân", "điện lực", "y tế", "lấy ý kiến", "nghỉ lễ"),
    "Cải cách hành chính": ("một cửa", "dịch vụ công", "VNeID", "chuyển đổi số", "hộ tịch"),
    "Kinh tế - Nông nghiệp": ("trồng trọt", "chăn nuôi", "OCOP", "khuyến nông"),
    "Văn hóa - Xã hội": ("lễ hội", "thể thao", "an sinh", "giáo dục", "gia đình"),
}
HEADINGS = (
    "Nội dung chính", "Kết quả đạt được", "Thời gian và địa điểm", "Những việc cần làm tiếp theo",
    "Ý kiến của người dân", "Hướng dẫn thực hiện", "Thành phần tham dự", "Kinh phí và nguồn lực",
    "Một số khó khăn", "Đề xuất, kiến nghị",
)
SENTENCES = (
    "Ủy ban nhân dân xã đề nghị các thôn phổ biến nội dung này đến từng hộ gia đình.",
    "Trưởng thôn {village} cho biết phần lớn bà con đã nắm được yêu cầu và chủ động thực hiện.",
    "Công chức Văn hóa - Xã hội phối hợp với Đoàn Thanh niên đi từng ngõ để hướng dẫn người dân.",
    "Kinh phí thực hiện lấy từ ngân sách xã và đóng góp tự nguyện của nhân dân.",
    "Qua kiểm tra, một số hộ ở thôn {village} còn chậm triển khai, cần được nhắc nhở thêm.",
    "Loa truyền thanh của xã phát nội dung này vào sáng và chiều các ngày trong tuần.",
    "Người dân cần hỗ trợ có thể liên hệ {centre} trong giờ hành chính.",
    "Mặt trận Tổ quốc xã và các đoàn thể cùng vào cuộc để giám sát việc thực hiện.",
    "Đến nay đã có {count} hộ gia đình tham gia, tăng so với cùng kỳ năm trước.",
    "Xã sẽ tổng hợp ý kiến của bà con để báo cáo Ủy ban nhân dân tỉnh Lạc Sơn.",
    "Các trường hợp vướng mắc được cán bộ ghi nhận và trả lời trong thời hạn quy định.",
    "Hội Nông dân xã hướng dẫn kỹ thuật trực tiếp tại ruộng cho các hộ tham gia.",
    "Trạm Y tế xã bố trí cán bộ trực để bảo đảm an toàn cho người dân.",
    "Kết quả thực hiện được công khai tại nhà văn hóa các thôn và trên trang thông tin của xã.",
)
BULLETS = (
    "Mang theo căn cước công dân hoặc tài khoản định danh điện tử mức độ 2.",
    "Kiểm tra kỹ thông tin trước khi ký xác nhận.",
    "Giữ gìn vệ sinh chung, không xả rác ra đường làng.",
    "Thông báo cho trưởng thôn khi phát hiện dấu hiệu bất thường.",
    "Tham gia đầy đủ các buổi sinh hoạt của thôn.",
    "Theo dõi loa truyền thanh và trang thông tin của xã để cập nhật lịch mới.",
    "Không tin các cuộc gọi yêu cầu cung cấp mã OTP hoặc chuyển tiền.",
    "Đăng ký trước với cán bộ phụ trách để được sắp xếp thời gian phù hợp.",
    "Sử dụng phân bón, thuốc bảo vệ thực vật theo đúng hướng dẫn.",
    "Đóng góp ý kiến bằng văn bản hoặc trực tiếp tại buổi họp thôn.",
)
STEPS = (
    "Đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản VNeID.",
    "Chọn thủ tục cần thực hiện và cơ quan giải quyết là Ủy ban nhân dân xã Hòa An.",
    "Điền tờ khai điện tử và đính kèm bản chụp giấy tờ theo yêu cầu.",
    "Thanh toán phí, lệ phí trực tuyến nếu có.",
    "Theo dõi tình trạng hồ sơ qua tin nhắn hoặc thư điện tử.",
    "Nhận kết quả tại {centre} hoặc qua dịch vụ bưu chính.",
    "Trưởng thôn lập danh sách và gửi về Ủy ban nhân dân xã.",
    "Ban chỉ đạo xã kiểm tra thực tế và tổng hợp kết quả.",
)
INTERNAL_LINKS = (
    ("danh mục thủ tục hành chính của xã", "/thu-tuc/"),
    ("thông tin liên hệ của Ủy ban nhân dân xã", "/lien-he/"),
    ("các văn bản chỉ đạo, điều hành", "/van-ban/"),
    ("lịch tiếp công dân", "/lich-tiep-cong-dan/"),
)


@dataclass(frozen=True)
class Post:
    """One synthetic post, shared by both site layouts."""

    slug: str
    title: str
    date: datetime
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    body: str

    def manifest_entry(self) -> dict[str, object]:
        """What the benchmark runner needs to find this post in a built site."""
        return {
            "slug": self.slug,
            "title": self.title,
            "date": self.date.isoformat(),
            "categories": list(self.categories),
            "tags": list(self.tags),
        }


def slugify(text: str) -> str:
    """ASCII slug: NFC first, đ→d explicitly, marks stripped, non-alphanumerics joined by -."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)
    )
    return re.sub(r"[^a-z0-9]+", "-", stripped.lower()).strip("-")


def vn_number(value: float, decimals: int = 0) -> str:
    """Vietnamese number format: dot for thousands, comma for decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def period_label(rng: random.Random, date: datetime) -> str:
    """A report period a post could be about, named the Vietnamese way."""
    quarter = ("I", "II", "III", "IV")[(date.month - 1) // 3]
    half = "6 tháng đầu năm" if date.month <= 6 else "6 tháng cuối năm"
    return rng.choice(
        (f"quý {quarter}/{date.year}", f"{half} {date.year}", f"tháng {date.month}/{date.year}")
    )


def make_title(rng: random.Random, category: str, date: datetime) -> str:
    """A title in the style of the category, consistent with the post's date."""
    v = rng.choice(VILLAGES)
    y, m, d = date.year, date.month, date.day
    period = period_label(rng, date)
    options: dict[str, tuple[str, ...]] = {
        "Tin tức": (
            f"Xã Hòa An tổng kết công tác {rng.choice(REVIEW_FIELDS)} năm {y}",
            f"Thôn {v} ra quân {rng.choice(CAMPAIGNS)} tháng {m}/{y}",
            f"Đoàn công tác tỉnh Lạc Sơn làm việc với xã Hòa An về {rng.choice(REVIEW_FIELDS)}",
            f"Hội nghị sơ kết {period} về {rng.choice(REVIEW_FIELDS)}",
            f"Thôn {v} đón nhận danh hiệu khu dân cư văn hóa năm {y}",
        ),
        "Thông báo": (
            f"Thông báo lịch tiếp công dân tháng {m}/{y}",
            f"Thông báo tạm ngừng cung cấp điện tại thôn {v} ngày {d:02d}/{m:02d}/{y}",
            f"Thông báo lịch tiêm chủng mở rộng tháng {m}/{y} tại Trạm Y tế xã",
            f"Thông báo thu {rng.choice(FEES)} năm {y}",
            f"Thông báo lấy ý kiến nhân dân về {rng.choice(CONSULTATIONS)} thôn {v}",
            f"Thông báo nghỉ {rng.choice(HOLIDAYS)} năm {y}",
        ),
        "Cải cách hành chính": (
            f"Hướng dẫn {rng.choice(PROCEDURES)} trực tuyến trên Cổng Dịch vụ công quốc gia",
            f"Tuyên truyền {rng.choice(REFORM_TOPICS)} tại thôn {v}",
            f"Kết quả giải quyết hồ sơ thủ tục hành chính {period}",
            f"Niêm yết công khai thủ tục {rng.choice(PROCEDURES)} tại bộ phận một cửa",
            f"Khảo sát mức độ hài lòng về {rng.choice(REFORM_TOPICS)} {period}",
            f"Kế hoạch tuyên truyền cải cách hành chính năm {y}",
        ),
        "Kinh tế - Nông nghiệp": (
            f"Nông dân thôn {v} {rng.choice(FARM_ACTIONS)} {rng.choice(CROPS)} năm {y}",
            f"Sản phẩm OCOP {rng.choice(OCOP_PRODUCTS)} thôn {v} đạt {rng.choice((3, 4))} sao",
            "Phòng, chống {} trên {} năm {}".format(*rng.choice(LIVESTOCK_DISEASES), y),
            f"Hội Nông dân xã tập huấn kỹ thuật trồng {rng.choice(CROPS)} cho thôn {v}",
        ),
        "Văn hóa - Xã hội": (
            f"Thôn {v} tổ chức {rng.choice(FESTIVALS)} năm {y}",
            f"Ra mắt {rng.choice(CLUBS)} thôn {v}",
            f"Trao quà cho {rng.choice(BENEFICIARIES)} nhân dịp {rng.choice(OCCASIONS)} {y}",
            f"Giải {rng.choice(SPORTS)} xã Hòa An mở rộng năm {y}",
        ),
    }
    return rng.choice(options[category])


def fill(rng: random.Random, template: str) -> str:
    """Fill the placeholders a body sentence may hold."""
    return template.format(
        village=rng.choice(VILLAGES), centre=CENTRE, count=vn_number(rng.randint(120, 2400))
    )


def make_table(rng: random.Random) -> list[str]:
    """A small per-village table, numbers written the Vietnamese way."""
    rows = ["| Thôn | Số hộ | Đã thực hiện | Tỷ lệ (%) |", "|---|---:|---:|---:|"]
    for village in rng.sample(VILLAGES, rng.randint(3, 6)):
        households = rng.randint(180, 1400)
        done = rng.randint(households // 2, households)
        rate = vn_number(100 * done / households, 1)
        rows.append(f"| {village} | {vn_number(households)} | {vn_number(done)} | {rate} |")
    return rows


def make_body(rng: random.Random, title: str, date: datetime) -> str:
    """Markdown body: lead, excerpt marker, headed sections, lists, a table and links."""
    lead = (
        f"Ngày {date:%d/%m/%Y}, Ủy ban nhân dân xã Hòa An thông tin về nội dung: "
        f"{title[0].lower()}{title[1:]}. {fill(rng, rng.choice(SENTENCES))}"
    )
    lines = [lead, "", "<!-- more -->", ""]
    headings = rng.sample(HEADINGS, rng.randint(2, 4))
    for index, heading in enumerate(headings):
        lines += [f"## {heading}", ""]
        lines += [" ".join(fill(rng, s) for s in rng.sample(SENTENCES, rng.randint(2, 4))), ""]
        if index == 0:
            lines += [f"- {item}" for item in rng.sample(BULLETS, rng.randint(3, 5))] + [""]
        elif index == 1:
            steps = rng.sample(STEPS, rng.randint(3, 5))
            lines += [f"{n}. {fill(rng, s)}" for n, s in enumerate(steps, 1)] + [""]
            lines += [*make_table(rng), ""]
    text, path = rng.choice(INTERNAL_LINKS)
    lines += [
        "Người dân có thể nộp hồ sơ trực tuyến trên "
        "[Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/) "
        f"hoặc xem [{text}]({path}).",
        "",
    ]
    return "\n".join(lines)


def random_date(rng: random.Random) -> datetime:
    """A working-hours moment between the first and last year, Vietnam time."""
    start = datetime(FIRST_YEAR, 1, 1, tzinfo=VIETNAM)
    days = (datetime(LAST_YEAR + 1, 1, 1, tzinfo=VIETNAM) - start).days
    day = start + timedelta(days=rng.randrange(days))
    return day.replace(hour=rng.randint(7, 17), minute=rng.choice((0, 15, 30, 45)))


def generate_posts(count: int, seed: int) -> list[Post]:
    """Make `count` posts with unique titles and slugs, fully determined by `seed`."""
    rng = random.Random(seed)
    titles: set[str] = set()
    slugs: set[str] = set()
    posts: list[Post] = []
    for _ in range(count):
        date = random_date(rng)
        first = rng.choice(CATEGORIES)
        categories = [first]
        if rng.random() < 0.2:
            categories.append(rng.choice([c for c in CATEGORIES if c != first]))
        title = make_title(rng, first, date)
        # Word lists are small, so thousands of posts repeat titles; number the repeats
        # the way a clerk would rather than drop them.
        base, round_no = title, 1
        while unicodedata.normalize("NFC", title) in titles:
            round_no += 1
            title = f"{base} (đợt {round_no})"
        titles.add(unicodedata.normalize("NFC", title))
        slug = slugify(title)
        suffix = 1
        while slug in slugs:
            suffix += 1
            slug = f"{slugify(title)}-{suffix}"
        slugs.add(slug)
        tags = tuple(rng.sample(TAGS[first], rng.randint(1, 3)))
        posts.append(
            Post(slug, title, date, tuple(categories), tags, make_body(rng, title, date))
        )
    return posts


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def yaml_list(items: tuple[str, ...]) -> str:
    """A YAML block list, one item a line."""
    return "".join(f"\n  - {yaml_string(item)}" for item in items)


def write_material_site(root: Path, posts: list[Post]) -> None:
    """Material blog plugin layout: docs/blog/index.md and docs/blog/posts/*.md."""
    allowed = ", ".join(yaml_string(c) for c in CATEGORIES)
    (root / "mkdocs.yml").write_text(
        f"site_name: {SITE_NAME}\n"
        f"site_url: {SITE_URL}\n"
        "theme:\n  name: material\n  language: vi\n"
        "plugins:\n"
        "  - search:\n      lang: vi\n"
        "  - blog:\n"
        "      blog_dir: blog\n"
        "      archive: true\n"
        "      categories: true\n"
        f"      categories_allowed: [{allowed}]\n"
        "      pagination: true\n"
        f"      pagination_per_page: {PAGINATION_PER_PAGE}\n",
        encoding="utf-8",
    )
    docs = root / "docs"
    (docs / "blog" / "posts").mkdir(parents=True)
    (docs / "index.md").write_text(f"# {SITE_NAME}\n\nTrang thông tin điện tử.\n", "utf-8")
    (docs / "blog" / "index.md").write_text("# Tin tức\n", encoding="utf-8")
    for post in posts:
        front = (
            f"---\ntitle: {yaml_string(post.title)}\n"
            f"date: {post.date.isoformat(sep=' ')}\n"
            f"slug: {post.slug}\n"
            f"categories:{yaml_list(post.categories)}\n"
            f"tags:{yaml_list(post.tags)}\n---\n\n"
        )
        path = docs / "blog" / "posts" / f"{post.slug}.md"
        path.write_text(front + post.body, encoding="utf-8")


def trangxa_config() -> str:
    """The trangxa site's mkdocs.yml; kept apart so plugin option changes touch one place."""
    allowed = ", ".join(yaml_string(c) for c in CATEGORIES)
    return (
        f"site_name: {SITE_NAME}\n"
        f"site_url: {SITE_URL}\n"
        "theme:\n  name: material\n  language: vi\n"
        "plugins:\n"
        "  - search:\n      lang: vi\n"
        "  - trangxa-search\n"
        "  - trangxa-news:\n"
        f"      categories: [{allowed}]\n"
        f"      pagination_per_page: {PAGINATION_PER_PAGE}\n"
        f"      feed_items: {FEED_ITEMS}\n"
        # The sample's procedures, so first views of procedure pages are measured at scale.
        "  - trangxa-procedures\n"
    )


def write_trangxa_site(root: Path, posts: list[Post]) -> None:
    """trangxa layout: posts/<yyyy>/<slug>.md beside docs/, ISO dates with +07:00."""
    (root / "mkdocs.yml").write_text(trangxa_config(), encoding="utf-8")
    shutil.copytree(SAMPLE_PROCEDURES, root / "procedures")
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(
        f"# {SITE_NAME}\n\nTrang thông tin điện tử.\n", encoding="utf-8"
    )
    for post in posts:
        folder = root / "posts" / str(post.date.year)
        folder.mkdir(parents=True, exist_ok=True)
        front = (
            f"---\ntitle: {yaml_string(post.title)}\n"
            f"date: {post.date.isoformat()}\n"
            f"categories:{yaml_list(post.categories)}\n"
            f"tags:{yaml_list(post.tags)}\n---\n\n"
        )
        (folder / f"{post.slug}.md").write_text(front + post.body, encoding="utf-8")


def write_sites(out: Path, count: int, seed: int) -> list[Post]:
    """Write both sites and posts.json under `out`, replacing what was there."""
    if out.exists():
        shutil.rmtree(out)
    posts = generate_posts(count, seed)
    (out / "material").mkdir(parents=True)
    (out / "trangxa").mkdir(parents=True)
    write_material_site(out / "material", posts)
    write_trangxa_site(out / "trangxa", posts)
    manifest = {
        "seed": seed,
        "count": count,
        "feed_items": FEED_ITEMS,
        "pagination_per_page": PAGINATION_PER_PAGE,
        "posts": [post.manifest_entry() for post in posts],
    }
    (out / "posts.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return posts


def main(argv: list[str] | None = None) -> int:
    """Command line: --posts N --seed S --out DIR."""
    parser = argparse.ArgumentParser(description="Sinh bài viết mẫu cho hai trang đo tốc độ.")
    parser.add_argument("--posts", type=int, required=True, help="số bài viết")
    parser.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên")
    parser.add_argument("--out", type=Path, required=True, help="thư mục ghi hai trang")
    args = parser.parse_args(argv)
    if args.posts < 1:
        parser.error("--posts phải là số nguyên dương")
    write_sites(args.out, args.posts, args.seed)
    print(f"Đã ghi {args.posts} bài vào {args.out}/material và {args.out}/trangxa")
    return 0


if __name__ == "__main__":
    sys.exit(main())
