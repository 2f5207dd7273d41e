"""The words of the benchmark corpus: columns, tags, units, and Vietnamese
sentences that corpus.py strings into articles. Kept apart from corpus.py so
the generator reads as layout and this file as data. Every choice goes through
the caller's seeded random.Random, so the text is the same on every run."""

COLUMNS = [
    ("dai-hoi-xiv", "Đại hội XIV của Đảng", "Tin, bài tuyên truyền Đại hội đại biểu toàn quốc lần thứ XIV của Đảng."),
    ("cai-cach-hanh-chinh", "Cải cách hành chính", "Thủ tục hành chính, dịch vụ công trực tuyến, một cửa."),
    ("phat-trien-van-hoa", "Phát triển văn hóa", "Xây dựng văn hóa, con người Thủ đô thanh lịch, văn minh."),
    ("thong-tin-co-so", "Thông tin cơ sở", "Đài truyền thanh, bảng tin điện tử, tuyên truyền ở xã, phường."),
    ("chuyen-doi-so", "Chuyển đổi số", "Chuyển đổi số trong văn hóa, thể thao và thông tin cơ sở."),
    ("the-duc-the-thao", "Thể dục thể thao", "Phong trào thể thao quần chúng, giải đấu, thể thao thành tích cao."),
]
COLUMN_KEYS = [c[0] for c in COLUMNS]

TAGS = [
    "Đại hội XIV", "Nghị quyết", "Thông tin cơ sở", "Bảng tin điện tử", "Đài truyền thanh", "Dịch vụ công",
    "Một cửa", "Chỉ số CCHC", "Chữ ký số", "Số hóa hồ sơ", "Di sản văn hóa", "Lễ hội truyền thống",
    "Thư viện", "Văn hóa đọc", "Bảo tàng", "Nghệ thuật biểu diễn", "Gia đình văn hóa", "Tổ dân phố",
    "Thể thao quần chúng", "Bóng đá", "Điền kinh", "Bơi lội", "Võ thuật", "Cờ tướng", "SEA Games",
    "Thanh niên", "Phụ nữ", "Người cao tuổi", "Trẻ em", "Du lịch", "Làng nghề", "Ẩm thực",
    "An toàn giao thông", "Phòng chống thiên tai", "Mùa mưa bão", "Tết Nguyên đán", "Quốc khánh 2/9",
    "Khen thưởng", "Hội nghị", "Tập huấn",
]

_WARDS = ["Hoàn Kiếm", "Ba Đình", "Đống Đa", "Cầu Giấy", "Tây Hồ", "Long Biên", "Hà Đông", "Thanh Xuân",
          "Hoàng Mai", "Hai Bà Trưng", "Bắc Từ Liêm", "Nam Từ Liêm", "Ngọc Hà", "Văn Miếu", "Kim Liên",
          "Láng", "Ô Chợ Dừa", "Giảng Võ"]
_COMMUNES = ["Sóc Sơn", "Ba Vì", "Đông Anh", "Gia Lâm", "Thanh Trì", "Mê Linh", "Phúc Thọ", "Thạch Thất",
             "Quốc Oai", "Chương Mỹ", "Ứng Hòa"]


def _unit_key(prefix, name):
    import unicodedata
    s = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace(" ", "-")
    return prefix + "-" + s


UNITS = ([("so-vhtt", "Sở Văn hóa và Thể thao", "department")] +
         [(_unit_key("phuong", w), "Phường " + w, "ward") for w in _WARDS] +
         [(_unit_key("xa", c), "Xã " + c, "commune") for c in _COMMUNES])
UNIT_KEYS = [u[0] for u in UNITS]
assert len(COLUMNS) == 6 and len(TAGS) == 40 and len(UNITS) == 30

_ACTIONS = ["Tổ chức", "Triển khai", "Tổng kết", "Hướng dẫn", "Đẩy mạnh", "Ra mắt", "Khai mạc", "Phát động",
            "Nâng cao chất lượng", "Kiểm tra", "Sơ kết", "Tuyên truyền"]
_TOPICS = ["bảng tin điện tử công cộng", "đài truyền thanh cơ sở", "dịch vụ công trực tuyến mức độ toàn trình",
           "giải chạy vì sức khỏe cộng đồng", "ngày hội văn hóa các dân tộc", "thư viện số cho thiếu nhi",
           "chương trình nghệ thuật chào mừng Đại hội", "số hóa hồ sơ thủ tục hành chính",
           "phong trào toàn dân đoàn kết xây dựng đời sống văn hóa", "hội thi tìm hiểu cải cách hành chính",
           "lễ hội truyền thống mùa xuân", "bảo tồn di tích lịch sử cách mạng", "liên hoan văn nghệ quần chúng",
           "giải bóng đá thiếu niên", "lớp tập huấn kỹ năng số cho cán bộ"]
_PLACES = ["tại " + u[1] for u in UNITS[1:]] + ["trên địa bàn thành phố", "ở các xã vùng bán sơn địa"]

_SENTENCES = [
    "Sáng nay, Ủy ban nhân dân phường đã tổ chức hội nghị triển khai kế hoạch tuyên truyền năm mới với sự tham dự của đông đảo cán bộ, đảng viên và nhân dân.",
    "Theo báo cáo, trong sáu tháng đầu năm, đài truyền thanh cơ sở đã phát sóng hơn ba trăm chương trình, bản tin phục vụ nhiệm vụ chính trị của địa phương.",
    "Các đại biểu thống nhất đánh giá công tác thông tin cơ sở có nhiều chuyển biến tích cực, nội dung phong phú, hình thức đa dạng và gần gũi với người dân.",
    "Người dân có thể nộp hồ sơ trực tuyến, theo dõi tiến độ giải quyết và nhận kết quả qua dịch vụ bưu chính công ích mà không phải đến trụ sở.",
    "Ban tổ chức cho biết giải đấu năm nay thu hút gần năm trăm vận động viên đến từ các câu lạc bộ, trường học và đơn vị lực lượng vũ trang.",
    "Chương trình nghệ thuật gồm các tiết mục ca, múa, nhạc đặc sắc, ca ngợi truyền thống lịch sử, văn hóa của Thủ đô nghìn năm văn hiến.",
    "Phát biểu tại buổi lễ, đồng chí Phó Giám đốc Sở ghi nhận sự nỗ lực của các đơn vị và đề nghị tiếp tục đổi mới phương thức tuyên truyền.",
    "Việc ứng dụng chữ ký số giúp rút ngắn thời gian xử lý văn bản, giảm chi phí in ấn và nâng cao tính minh bạch trong hoạt động công vụ.",
    "Thư viện phường đã bổ sung hàng nghìn đầu sách mới, mở rộng không gian đọc và tổ chức nhiều hoạt động khuyến đọc cho thiếu nhi vào dịp hè.",
    "Trong thời gian tới, địa phương sẽ tập trung rà soát, đơn giản hóa thủ tục hành chính và nâng cao chỉ số hài lòng của người dân, doanh nghiệp.",
    "Nhiều gia đình đã chủ động đăng ký tham gia, góp phần lan tỏa tinh thần đoàn kết và ý thức xây dựng nếp sống văn minh nơi khu dân cư.",
    "Các bảng tin điện tử được lắp đặt tại nhà văn hóa tổ dân phố, cập nhật thông tin về chính sách mới, lịch tiếp công dân và cảnh báo thời tiết.",
    "Hội thi là dịp để cán bộ, công chức ôn luyện kiến thức pháp luật, chia sẻ kinh nghiệm và nâng cao kỹ năng phục vụ nhân dân.",
    "Trước diễn biến phức tạp của mưa bão, đài truyền thanh đã tăng thời lượng phát sóng, hướng dẫn người dân các biện pháp phòng tránh an toàn.",
    "Di tích được trùng tu theo đúng quy định, giữ gìn các yếu tố gốc và trở thành điểm tham quan, học tập lịch sử hấp dẫn đối với học sinh.",
    "Đoàn kiểm tra đánh giá cao cách làm sáng tạo của phường trong việc kết hợp tuyên truyền trực tiếp với các nền tảng mạng xã hội.",
    "Lớp tập huấn trang bị cho học viên kỹ năng sử dụng các nền tảng số, bảo đảm an toàn thông tin và xử lý tin giả trên không gian mạng.",
    "Lễ hội diễn ra trong ba ngày với nhiều hoạt động như rước kiệu, thi đấu vật, kéo co, trưng bày sản phẩm làng nghề và ẩm thực truyền thống.",
    "Kết quả khảo sát cho thấy phần lớn người dân hài lòng với thái độ phục vụ và thời gian giải quyết hồ sơ tại bộ phận một cửa.",
    "Sở đề nghị các đơn vị xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ thời gian hoàn thành và báo cáo kết quả định kỳ.",
    "Phong trào tập luyện thể dục thể thao ngày càng lan rộng, nhiều sân chơi, bãi tập được cải tạo phục vụ nhu cầu của người dân.",
    "Tại điểm cầu trực tuyến, các đại biểu đã thảo luận sôi nổi, đề xuất nhiều giải pháp thiết thực để đưa nghị quyết vào cuộc sống.",
    "Bên cạnh những kết quả đạt được, hội nghị cũng chỉ ra một số hạn chế như hạ tầng kỹ thuật chưa đồng bộ và nhân lực còn mỏng.",
    "Ngay sau lễ phát động, các đoàn viên thanh niên đã ra quân dọn vệ sinh môi trường, trồng cây xanh và trang trí đường phố.",
]
_LIST_ITEMS = [
    "Phát bản tin trên đài truyền thanh vào sáng thứ Hai và thứ Năm hằng tuần;",
    "Cập nhật nội dung bảng tin điện tử trước ngày 25 hằng tháng;",
    "Tổ chức hội nghị sơ kết sáu tháng và tổng kết năm;",
    "Hướng dẫn người dân cài đặt và sử dụng ứng dụng dịch vụ công;",
    "Rà soát danh mục thủ tục hành chính thuộc thẩm quyền giải quyết;",
    "Treo băng rôn, khẩu hiệu tại các tuyến phố chính;",
    "Biểu dương, khen thưởng tập thể và cá nhân có thành tích xuất sắc;",
    "Phối hợp với nhà trường tổ chức hoạt động ngoại khóa cho học sinh;",
]
_HEADINGS = ["Kết quả nổi bật", "Những cách làm hay", "Khó khăn, vướng mắc", "Nhiệm vụ thời gian tới",
             "Ý kiến người dân", "Số liệu đáng chú ý", "Kinh nghiệm từ cơ sở", "Kiến nghị, đề xuất"]
_EXTERNAL = ["https://dichvucong.gov.vn/", "https://chinhphu.vn/", "https://bvhttdl.gov.vn/", "https://hanoi.gov.vn/"]


def title(rng, i):
    return "%s %s %s" % (rng.choice(_ACTIONS), rng.choice(_TOPICS), rng.choice(_PLACES))


def sentence(rng):
    return rng.choice(_SENTENCES)


def _paragraph(rng, slugs, own):
    parts = [rng.choice(_SENTENCES) for _ in range(rng.randint(2, 4))]
    roll = rng.random()
    if roll < 0.25:
        other = rng.choice(slugs)
        if other != own:
            parts.append("Xem thêm [bài liên quan](/bai-viet/%s/)." % other)
    elif roll < 0.35:
        parts.append("Chi tiết trên [cổng thông tin](%s)." % rng.choice(_EXTERNAL))
    if rng.random() < 0.2:
        parts[0] = "**" + parts[0] + "**"
    return " ".join(parts)


def _table(rng):
    rows = ["| Đơn vị | Số chương trình | Tỷ lệ hài lòng |", "| --- | ---: | ---: |"]
    for u in rng.sample(UNITS, 4):
        rows.append("| %s | %d | %d%% |" % (u[1], rng.randint(12, 400), rng.randint(70, 99)))
    return "\n".join(rows)


def body(rng, slugs, own):
    """400–900 words: paragraphs under ## and ### headings, a list, sometimes a table."""
    target = rng.randint(400, 900)
    blocks, words = [], 0
    headings = rng.sample(_HEADINGS, len(_HEADINGS))
    while words < target:
        if blocks and rng.random() < 0.3 and headings:
            blocks.append(("## " if rng.random() < 0.7 else "### ") + headings.pop())
        roll = rng.random()
        if roll < 0.12:
            blocks.append("\n".join("- " + x for x in rng.sample(_LIST_ITEMS, rng.randint(3, 5))))
        elif roll < 0.18:
            blocks.append(_table(rng))
        else:
            blocks.append(_paragraph(rng, slugs, own))
        words += len(blocks[-1].split())
    return "\n\n".join(blocks) + "\n"
