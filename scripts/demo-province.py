#!/usr/bin/env python3
"""Generates the demo province of docs/demo-data.md (spec: shared/spec/demo-data.md).

Writes Sources/OneGateDemo/DemoProvinceData.swift: the JSON that `DemoProvince` decodes, embedded
as a Swift raw string. Standard library only; deterministic (the name generator uses a fixed seed),
so running it twice gives the same file.

    python3 scripts/demo-province.py            # write the Swift file and print a summary
    python3 scripts/demo-province.py --check    # validate only; fail if the file is out of date
    python3 scripts/demo-province.py --json out.json   # also write the bare JSON

The JSON mirrors the Swift types exactly (synthesized Codable): AdministrativeUnit, Procedure,
RequiredDocument, FormField, ProcessStep, Fee, RoleAssignment. Non-optional Swift properties with
default values in their initialisers (successors, predecessors, freeOnline, required,
interAgency) are still required keys in JSON, so they are always written.
"""

import json
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SWIFT_OUT = os.path.join(ROOT, "Sources", "OneGateDemo", "DemoProvinceData.swift")

PROVINCE = "000.00.00.H40"
CENTRE = "000.00.01.H40"
REFORM_DAY = "2025-07-01"
LAST_OLD_DAY = "2025-06-30"


def fold(text):
    """ASCII folding of Vietnamese text: "Đông Triều" -> "Dong Trieu"."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def slug(text):
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())


def lt(vi, en):
    return {"vi": vi, "en": en}


# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------

# (code, username suffix, vi, en, kind)
DEPARTMENTS = [
    ("000.00.10.H40", "snv", "Sở Nội vụ", "Department of Home Affairs", "department"),
    ("000.00.11.H40", "stc", "Sở Tài chính", "Department of Finance", "department"),
    ("000.00.12.H40", "stp", "Sở Tư pháp", "Department of Justice", "department"),
    ("000.00.13.H40", "sxd", "Sở Xây dựng", "Department of Construction", "department"),
    ("000.00.14.H40", "snnmt", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", "department"),
    ("000.00.15.H40", "sct", "Sở Công Thương", "Department of Industry and Trade", "department"),
    ("000.00.16.H40", "syt", "Sở Y tế", "Department of Health", "department"),
    ("000.00.17.H40", "sgddt", "Sở Giáo dục và Đào tạo", "Department of Education and Training", "department"),
    ("000.00.18.H40", "svhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism", "department"),
    ("000.00.19.H40", "skhcn", "Sở Khoa học và Công nghệ", "Department of Science and Technology", "department"),
    ("000.00.20.H40", "sdttg", "Sở Dân tộc và Tôn giáo", "Department of Ethnic and Religious Affairs", "department"),
    ("000.00.21.H40", "cat", "Công an tỉnh Quảng Ninh", "Quang Ninh Provincial Police", "vertical_office"),
    ("000.00.22.H40", "bhxh", "Bảo hiểm xã hội tỉnh Quảng Ninh", "Quang Ninh Social Security", "vertical_office"),
    ("000.00.23.H40", "thue", "Thuế tỉnh Quảng Ninh", "Quang Ninh Provincial Tax Office", "vertical_office"),
]
DEPT = {d[1]: d[0] for d in DEPARTMENTS}
DEPT_NAME = {d[0]: (d[2], d[3]) for d in DEPARTMENTS}

# The 53 commune-level units of Quảng Ninh from 2025-07-01 (Nghị quyết 1679/NQ-UBTVQH15), grouped by
# the former district; (type, name). Codes are 000.NN.40.H40 in this order.
COMMUNES = [
    # former Hạ Long city
    ("phuong", "Hạ Long"), ("phuong", "Bãi Cháy"), ("phuong", "Hồng Gai"), ("phuong", "Hà Tu"),
    ("phuong", "Hà Lầm"), ("phuong", "Cao Xanh"), ("phuong", "Tuần Châu"), ("phuong", "Việt Hưng"),
    ("phuong", "Hoành Bồ"), ("xa", "Quảng La"), ("xa", "Thống Nhất"),
    # former Cẩm Phả city
    ("phuong", "Cẩm Phả"), ("phuong", "Quang Hanh"), ("phuong", "Cửa Ông"), ("phuong", "Mông Dương"),
    # former Uông Bí city
    ("phuong", "Uông Bí"), ("phuong", "Vàng Danh"), ("phuong", "Yên Tử"),
    # former Đông Triều city
    ("phuong", "Đông Triều"), ("phuong", "Mạo Khê"), ("phuong", "Bình Khê"), ("phuong", "An Sinh"),
    ("phuong", "Hoàng Quế"),
    # former Quảng Yên town
    ("phuong", "Quảng Yên"), ("phuong", "Đông Mai"), ("phuong", "Hiệp Hòa"), ("phuong", "Hà An"),
    ("phuong", "Liên Hòa"), ("phuong", "Phong Cốc"),
    # former Móng Cái city
    ("phuong", "Móng Cái 1"), ("phuong", "Móng Cái 2"), ("phuong", "Móng Cái 3"), ("xa", "Hải Sơn"),
    ("xa", "Hải Ninh"), ("xa", "Vĩnh Thực"),
    # former Vân Đồn and Cô Tô districts
    ("dackhu", "Vân Đồn"), ("dackhu", "Cô Tô"),
    # former Tiên Yên district
    ("xa", "Tiên Yên"), ("xa", "Điền Xá"), ("xa", "Đông Ngũ"), ("xa", "Hải Hòa"),
    # former Bình Liêu district
    ("xa", "Bình Liêu"), ("xa", "Hoành Mô"), ("xa", "Lục Hồn"),
    # former Đầm Hà and Hải Hà districts
    ("xa", "Đầm Hà"), ("xa", "Quảng Tân"), ("xa", "Quảng Hà"), ("xa", "Đường Hoa"), ("xa", "Quảng Đức"),
    ("xa", "Cái Chiên"),
    # former Ba Chẽ district
    ("xa", "Ba Chẽ"), ("xa", "Lương Minh"), ("xa", "Kỳ Thượng"),
]
# Mountain communes where ethnic-minority family names are common (Tày, Dao, Sán Chỉ).
HIGHLAND = {"Bình Liêu", "Hoành Mô", "Lục Hồn", "Ba Chẽ", "Lương Minh", "Kỳ Thượng", "Đông Ngũ", "Điền Xá"}

TYPE_VI = {"phuong": "phường", "xa": "xã", "dackhu": "đặc khu"}
TYPE_EN = {"phuong": "Ward", "xa": "Commune", "dackhu": "Special Zone"}

COMMUNE = {}  # name -> code
COMMUNE_SLUG = {}  # name -> username suffix
for index, (kind, name) in enumerate(COMMUNES, start=1):
    COMMUNE[name] = "000.%02d.40.H40" % index
    COMMUNE_SLUG[name] = slug(name)

# Historical units (until 2025-06-30): (code, vi, en, kind, parent, successor names)
OLD_DISTRICTS = [
    ("000.00.30.H40", "Ủy ban nhân dân thành phố Hạ Long", "Ha Long City People's Committee",
     ["Hạ Long", "Bãi Cháy", "Hồng Gai", "Hà Tu", "Hà Lầm", "Cao Xanh", "Tuần Châu", "Việt Hưng", "Hoành Bồ",
      "Quảng La", "Thống Nhất"]),
    ("000.00.31.H40", "Ủy ban nhân dân huyện Tiên Yên", "Tien Yen District People's Committee",
     ["Tiên Yên", "Điền Xá", "Đông Ngũ", "Hải Hòa"]),
    ("000.00.32.H40", "Ủy ban nhân dân huyện Bình Liêu", "Binh Lieu District People's Committee",
     ["Bình Liêu", "Hoành Mô", "Lục Hồn"]),
    ("000.00.33.H40", "Ủy ban nhân dân huyện Vân Đồn", "Van Don District People's Committee", ["Vân Đồn"]),
    ("000.00.34.H40", "Ủy ban nhân dân huyện Cô Tô", "Co To District People's Committee", ["Cô Tô"]),
    ("000.00.35.H40", "Ủy ban nhân dân thị xã Quảng Yên", "Quang Yen Town People's Committee",
     ["Quảng Yên", "Đông Mai", "Hiệp Hòa", "Hà An", "Liên Hòa", "Phong Cốc"]),
]
# Pre-merger communes: (code, vi, en, parent district code, successor name)
OLD_COMMUNES = [
    ("000.01.30.H40", "Ủy ban nhân dân xã Bằng Cả", "Bang Ca Commune People's Committee", "000.00.30.H40", "Quảng La"),
    ("000.02.30.H40", "Ủy ban nhân dân xã Dân Chủ", "Dan Chu Commune People's Committee", "000.00.30.H40", "Quảng La"),
    ("000.03.30.H40", "Ủy ban nhân dân xã Tân Dân", "Tan Dan Commune People's Committee", "000.00.30.H40", "Quảng La"),
    ("000.04.30.H40", "Ủy ban nhân dân xã Quảng La", "Quang La Commune People's Committee", "000.00.30.H40", "Quảng La"),
    ("000.01.31.H40", "Ủy ban nhân dân thị trấn Tiên Yên", "Tien Yen Township People's Committee", "000.00.31.H40", "Tiên Yên"),
    ("000.02.31.H40", "Ủy ban nhân dân xã Phong Dụ", "Phong Du Commune People's Committee", "000.00.31.H40", "Tiên Yên"),
    ("000.03.31.H40", "Ủy ban nhân dân xã Tiên Lãng", "Tien Lang Commune People's Committee", "000.00.31.H40", "Tiên Yên"),
]


def unit(code, vi, en, kind, parent=None, effective_from=None, effective_to=None):
    result = {"code": code, "name": lt(vi, en), "kind": kind}
    if parent is not None:
        result["parent"] = parent
    if effective_from is not None:
        result["effectiveFrom"] = effective_from
    if effective_to is not None:
        result["effectiveTo"] = effective_to
    result["successors"] = []
    result["predecessors"] = []
    return result


def build_units():
    units = [
        unit(PROVINCE, "Ủy ban nhân dân tỉnh Quảng Ninh", "Quang Ninh Provincial People's Committee", "province"),
        unit(CENTRE, "Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh",
             "Quang Ninh Public Administration Service Centre", "service_centre", PROVINCE),
    ]
    for code, _, vi, en, kind in DEPARTMENTS:
        units.append(unit(code, vi, en, kind, PROVINCE))
    for kind, name in COMMUNES:
        vi = "Ủy ban nhân dân %s %s" % (TYPE_VI[kind], name)
        en = "%s %s People's Committee" % (fold(name), TYPE_EN[kind])
        units.append(unit(COMMUNE[name], vi, en, "commune", PROVINCE, effective_from=REFORM_DAY))
    by_code = {u["code"]: u for u in units}
    for code, vi, en, successors in OLD_DISTRICTS:
        old = unit(code, vi, en, "district", PROVINCE, effective_to=LAST_OLD_DAY)
        old["successors"] = [COMMUNE[n] for n in successors]
        units.append(old)
    for code, vi, en, parent, successor in OLD_COMMUNES:
        old = unit(code, vi, en, "commune", parent, effective_to=LAST_OLD_DAY)
        old["successors"] = [COMMUNE[successor]]
        units.append(old)
    # Predecessor links mirror successor links.
    for u in list(units):
        for successor in u["successors"]:
            by_code[successor]["predecessors"].append(u["code"])
    return units


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

SURNAMES = ["Nguyễn"] * 8 + ["Trần"] * 4 + ["Lê"] * 3 + ["Phạm"] * 3 + ["Hoàng"] * 2 + ["Vũ"] * 2 + [
    "Phan", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Đinh", "Lương", "Trịnh", "Đào", "Cao", "Tạ", "Đoàn", "Lưu"]
HIGHLAND_SURNAMES = ["Hoàng", "Nông", "Lục", "Vi", "Bàn", "Triệu", "Lý", "Chíu", "Đặng", "La"]
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Xuân", "Mạnh", "Tiến", "Công", "Ngọc", "Trọng"]
MALE_GIVEN = ["Hùng", "Dũng", "Tuấn", "Long", "Nam", "Hải", "Sơn", "Thắng", "Cường", "Trung", "Hiếu", "Phong",
              "Khánh", "Tùng", "Huy", "Bình", "Đạt", "Kiên", "Quân", "Thịnh", "Việt", "Hưng", "Toàn", "Lâm"]
FEMALE_MIDDLE = ["Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Phương", "Kim", "Bích", "Diệu", "Mỹ", "Thúy", "Khánh"]
FEMALE_GIVEN = ["Hương", "Lan", "Hà", "Linh", "Trang", "Hoa", "Mai", "Thảo", "Ngân", "Yến", "Huyền", "Nhung",
                "Vân", "Oanh", "Loan", "Hạnh", "Thủy", "Giang", "Dung", "Hằng", "Liên", "Nga", "Quỳnh", "Tâm"]


class Names:
    """Deterministic, distinct Vietnamese full names."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used = set()

    def person(self, highland=False, female=None):
        for _ in range(1000):
            is_female = self.rng.random() < 0.5 if female is None else female
            surname = self.rng.choice(HIGHLAND_SURNAMES if highland and self.rng.random() < 0.7 else SURNAMES)
            if is_female:
                middle, given = self.rng.choice(FEMALE_MIDDLE), self.rng.choice(FEMALE_GIVEN)
            else:
                middle, given = self.rng.choice(MALE_MIDDLE), self.rng.choice(MALE_GIVEN)
            name = "%s %s %s" % (surname, middle, given)
            if middle != given and name not in self.used:
                self.used.add(name)
                return name, is_female
        raise RuntimeError("name space exhausted")


def build_officers(names):
    officers = []

    def add(username, roles, highland=False):
        full_name, _ = names.person(highland)
        officers.append({"username": username, "fullName": full_name,
                         "roles": [{"role": r, "unit": u} for r, u in roles]})

    add("admin", [("admin", PROVINCE)])
    add("auditor", [("auditor", PROVINCE)])
    add("tthc.admin", [("unit_admin", PROVINCE)])
    # Office of the Provincial People's Committee: handles the few province-level procedures (a role
    # at the province also covers every unit below it, so these accounts reach the whole province).
    add("tiepnhan.ubndt", [("reception", PROVINCE)])
    add("chuyenvien1.ubndt", [("specialist", PROVINCE)])
    add("chuyenvien2.ubndt", [("specialist", PROVINCE)])
    add("lanhdao.ubndt", [("leader", PROVINCE)])
    add("vanthu.ubndt", [("clerk", PROVINCE)])
    add("tiepnhan1.ttpvhcc", [("reception", CENTRE)])
    add("tiepnhan2.ttpvhcc", [("reception", CENTRE)])
    for code, short, _, _, _ in DEPARTMENTS:
        add("tiepnhan.%s" % short, [("reception", code)])
        add("chuyenvien1.%s" % short, [("specialist", code)])
        add("chuyenvien2.%s" % short, [("specialist", code)])
        add("lanhdao.%s" % short, [("leader", code)])
        add("vanthu.%s" % short, [("clerk", code)])
    for _, name in COMMUNES:
        code, short, highland = COMMUNE[name], COMMUNE_SLUG[name], name in HIGHLAND
        add("tiepnhan.%s" % short, [("reception", code)], highland)
        add("chuyenvien.%s" % short, [("specialist", code)], highland)
        add("lanhdao.%s" % short, [("leader", code)], highland)
        add("vanthu.%s" % short, [("clerk", code)], highland)
    return officers


STREETS = ["Lê Thánh Tông", "Nguyễn Văn Cừ", "Trần Hưng Đạo", "Lê Lợi", "Cao Thắng", "Trần Phú", "Hùng Vương",
           "Nguyễn Du", "Lý Thường Kiệt", "Bạch Đằng", "Hạ Long", "Quang Trung", "Nguyễn Trãi", "Lê Quý Đôn"]
PHONE_PREFIXES = ["091", "094", "098", "097", "096", "086", "088", "090", "093", "035", "033", "038", "070", "079",
                  "077", "081", "083", "084"]


def tax_code(rng):
    """A 10-digit tax code with the Quảng Ninh prefix 57 and a valid check digit."""
    weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]
    while True:
        digits = [5, 7] + [rng.randrange(10) for _ in range(7)]
        check = 10 - sum(d * w for d, w in zip(digits, weights)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def address(rng, commune_name):
    kind = next(k for k, n in COMMUNES if n == commune_name)
    place = "%s %s, tỉnh Quảng Ninh" % (TYPE_VI[kind], commune_name)
    if kind == "phuong":
        return "Số %d đường %s, %s" % (rng.randrange(2, 300), rng.choice(STREETS), place)
    return "Thôn %d, %s" % (rng.randrange(1, 12), place)


def build_citizens(names):
    rng = random.Random(22)
    citizens = []
    used_ids = set()
    # The five demo logins live in places a newcomer will recognise.
    demo_places = ["Hạ Long", "Bãi Cháy", "Cẩm Phả", "Móng Cái 1", "Quảng La"]
    places = [n for _, n in COMMUNES]
    for index in range(40):
        place = demo_places[index] if index < 5 else rng.choice(places)
        full_name, female = names.person(place in HIGHLAND)
        year = rng.randrange(1955, 2006)
        century_gender = (0 if year < 2000 else 2) + (1 if female else 0)
        if index == 0:
            full_name, female, year, identifier = "Nguyễn Văn An", False, 1990, "022090001234"
        else:
            while True:
                identifier = "022%d%02d%06d" % (century_gender, year % 100, rng.randrange(1, 1000000))
                if identifier not in used_ids:
                    break
        used_ids.add(identifier)
        citizen = {}
        if index < 5:
            citizen["username"] = "congdan%d" % (index + 1)
        citizen.update({"kind": "person", "identifier": identifier, "fullName": full_name,
                        "phone": rng.choice(PHONE_PREFIXES) + "%07d" % rng.randrange(10 ** 7),
                        "address": address(rng, place)})
        citizens.append(citizen)
    businesses = [
        ("doanhnghiep1", "Công ty TNHH Thương mại và Dịch vụ Vịnh Xanh", "Bãi Cháy"),
        ("doanhnghiep2", "Công ty Cổ phần Xây dựng Hồng Gai", "Hồng Gai"),
        ("doanhnghiep3", "Hợp tác xã Nông nghiệp Quảng La", "Quảng La"),
    ]
    for username, full_name, place in businesses:
        citizens.append({"username": username, "kind": "business", "identifier": tax_code(rng),
                         "fullName": full_name, "phone": "0203" + "%07d" % rng.randrange(10 ** 7),
                         "address": address(rng, place)})
    return citizens


# ---------------------------------------------------------------------------------------------
# Catalogue building blocks
# ---------------------------------------------------------------------------------------------

TOPICS = {
    "civil": lt("Hộ tịch", "Civil status"),
    "cert": lt("Chứng thực", "Certification"),
    "residence": lt("Cư trú", "Residence"),
    "social": lt("Bảo trợ xã hội", "Social protection"),
    "business": lt("Kinh doanh", "Business"),
    "enterprise": lt("Thành lập và hoạt động doanh nghiệp", "Enterprises"),
    "investment": lt("Đầu tư", "Investment"),
    "trade": lt("Thương mại", "Trade"),
    "construction": lt("Xây dựng", "Construction"),
    "transport": lt("Giao thông vận tải", "Transport"),
    "land": lt("Đất đai", "Land"),
    "environment": lt("Môi trường", "Environment"),
    "forestry": lt("Lâm nghiệp", "Forestry"),
    "fisheries": lt("Thủy sản", "Fisheries"),
    "justice": lt("Tư pháp", "Justice"),
    "health": lt("Y tế", "Health"),
    "pharmacy": lt("Dược", "Pharmacy"),
    "food": lt("An toàn thực phẩm", "Food safety"),
    "education": lt("Giáo dục", "Education"),
    "culture": lt("Văn hóa", "Culture"),
    "tourism": lt("Du lịch", "Tourism"),
    "religion": lt("Tín ngưỡng, tôn giáo", "Belief and religion"),
    "labour": lt("Lao động", "Labour"),
    "emulation": lt("Thi đua, khen thưởng", "Emulation and awards"),
    "associations": lt("Tổ chức hội", "Associations"),
    "science": lt("Khoa học và công nghệ", "Science and technology"),
}

# The shared vocabulary of document types: a result of one procedure (see RESULT_TYPES in the docs)
# can satisfy a requirement of the same type in another.
DOCUMENT_TYPES = {
    "application_form", "identity_card", "birth_notice", "birth_certificate", "marriage_certificate",
    "death_notice", "death_certificate", "household_registration", "residence_confirmation",
    "marital_status_confirmation", "power_of_attorney", "photo", "land_use_certificate",
    "construction_drawings", "construction_permit", "business_registration", "enterprise_registration",
    "health_certificate", "professional_certificate", "diploma", "lease_contract", "original_document",
    "court_decision", "disability_certificate", "school_record", "technical_dossier", "business_plan",
    "food_safety_certificate", "vessel_documents", "event_plan", "organisation_charter", "criminal_record",
    "contract", "tax_declaration", "site_plan", "project_proposal",
}


def doc(id_, vi, en, type_, required=True):
    # "result:<code>": satisfied by the electronic result of procedure <code> (once-only reuse).
    assert type_ in DOCUMENT_TYPES or type_.startswith("result:"), type_
    return {"id": id_, "name": lt(vi, en), "documentType": type_, "required": required}


def application(vi, en):
    return doc("application", vi, en, "application_form")


def identity(required=True, vi="Giấy tờ tùy thân của người nộp hồ sơ (CCCD, hộ chiếu)",
             en="Identity document of the applicant (citizen ID card or passport)"):
    return doc("identity", vi, en, "identity_card", required)


def proxy():
    return doc("power_of_attorney", "Văn bản ủy quyền (trường hợp nộp thay)",
               "Power of attorney (when filed on someone's behalf)", "power_of_attorney", False)


def field(name, vi, en, type_, required=True, **extra):
    result = {"name": name, "label": lt(vi, en), "type": type_, "required": required}
    for key in ("maxLength", "minimum", "maximum", "options", "optionLabels"):
        if key in extra:
            result[key] = extra[key]
    return result


def full_name(name="full_name", vi="Họ, chữ đệm và tên", en="Full name"):
    return field(name, vi, en, "text", maxLength=100)


def date(name, vi, en, required=True):
    return field(name, vi, en, "date", required)


def pid(name="personal_id", vi="Số định danh cá nhân", en="Personal identification number"):
    return field(name, vi, en, "personal_id")


def addr(name="address", vi="Nơi cư trú", en="Place of residence"):
    return field(name, vi, en, "text", maxLength=250)


def phone():
    return field("phone", "Số điện thoại liên hệ", "Contact phone number", "phone")


# What each select option is called on the form (FormField.optionLabels), by raw value: (vi, en). A value
# that reads differently in one field gets a per-field override: select(..., labels={value: (vi, en)}).
OPTION_LABELS = {
    # sex
    "male": ("Nam", "Male"),
    "female": ("Nữ", "Female"),
    # kinds of civil-status record
    "birth": ("Khai sinh", "Birth"),
    "marriage": ("Kết hôn", "Marriage"),
    "death": ("Khai tử", "Death"),
    "parent_child_recognition": ("Nhận cha, mẹ, con", "Parent–child recognition"),
    "guardianship": ("Giám hộ", "Guardianship"),
    "adoption": ("Nuôi con nuôi", "Adoption"),
    # purpose of a paper
    "personal_use": ("Bổ sung hồ sơ cá nhân", "Personal records"),
    "employment": ("Xin việc làm", "Employment"),
    "study": ("Học tập", "Study"),
    "study_abroad": ("Du học", "Study abroad"),
    "legal_proceedings": ("Giải quyết việc tố tụng", "Legal proceedings"),
    "property_transaction": ("Giao dịch về tài sản, nhà đất", "Property transaction"),
    "other": ("Khác", "Other"),
    # relationships
    "spouse": ("Vợ, chồng", "Spouse"),
    "child": ("Con", "Child"),
    "parent": ("Cha, mẹ", "Parent"),
    "sibling": ("Anh, chị, em ruột", "Sibling"),
    "relative": ("Người thân thích khác", "Other relative"),
    "father": ("Cha", "Father"),
    "mother": ("Mẹ", "Mother"),
    # change of civil-status details
    "change_name": ("Thay đổi họ, chữ đệm, tên", "Change of name"),
    "correct_details": ("Cải chính thông tin hộ tịch", "Correction of civil-status details"),
    "add_details": ("Bổ sung thông tin hộ tịch", "Addition of missing civil-status details"),
    "change_ethnicity": ("Xác định lại dân tộc", "Re-determination of ethnicity"),
    # guardianship
    "appointed": ("Giám hộ cử", "Appointed guardian"),
    "by_law": ("Giám hộ đương nhiên", "Guardian by law"),
    # accommodation
    "own_home": ("Chỗ ở thuộc sở hữu của mình", "Own home"),
    "rented": ("Chỗ ở thuê, mượn", "Rented or borrowed accommodation"),
    # social protection
    "elderly_80_plus": ("Người cao tuổi từ đủ 80 tuổi trở lên", "Person aged 80 or over"),
    "elderly_poor": ("Người cao tuổi thuộc hộ nghèo", "Elderly person in a poor household"),
    "person_with_disability": ("Người khuyết tật", "Person with a disability"),
    "orphan": ("Trẻ em mồ côi", "Orphaned child"),
    "single_parent_poor": ("Người đơn thân thuộc hộ nghèo đang nuôi con",
                           "Single parent in a poor household raising children"),
    # kinds of disability (Luật Người khuyết tật 2010, Điều 3)
    "mobility": ("Khuyết tật vận động", "Physical (mobility) disability"),
    "hearing_speech": ("Khuyết tật nghe, nói", "Hearing or speech disability"),
    "visual": ("Khuyết tật nhìn", "Visual disability"),
    "mental": ("Khuyết tật thần kinh, tâm thần", "Mental or psychosocial disability"),
    "intellectual": ("Khuyết tật trí tuệ", "Intellectual disability"),
    # replacement of a certificate
    "lost": ("Bị mất", "Lost"),
    "damaged": ("Bị hư hỏng", "Damaged"),
    "details_changed": ("Thay đổi thông tin", "Details have changed"),
    # changes to a business registration
    "address": ("Địa chỉ", "Address"),
    "business_lines": ("Ngành, nghề kinh doanh", "Lines of business"),
    "capital": ("Vốn kinh doanh", "Business capital"),
    "owner": ("Chủ hộ kinh doanh", "Business owner"),
    "name": ("Tên", "Name"),
    "head_office": ("Địa chỉ trụ sở chính", "Head office address"),
    "legal_representative": ("Người đại diện theo pháp luật", "Legal representative"),
    "charter_capital": ("Vốn điều lệ", "Charter capital"),
    # land
    "residential": ("Đất ở", "Residential land"),
    "commercial": ("Đất thương mại, dịch vụ", "Commercial and service land"),
    "perennial_crops": ("Đất trồng cây lâu năm", "Perennial crop land"),
    "aquaculture": ("Đất nuôi trồng thủy sản", "Aquaculture land"),
    "agricultural": ("Đất sản xuất nông nghiệp", "Agricultural land"),
    "forest": ("Đất lâm nghiệp", "Forest land"),
    "transfer": ("Chuyển nhượng", "Transfer"),
    "gift": ("Tặng cho", "Gift"),
    "inheritance": ("Thừa kế", "Inheritance"),
    "allocation": ("Giao đất", "Land allocation"),
    "annual_lease": ("Thuê đất trả tiền thuê đất hằng năm", "Lease with annual rent payments"),
    "lump_sum_lease": ("Thuê đất trả tiền thuê đất một lần cho cả thời gian thuê",
                       "Lease with the rent paid once for the whole term"),
    "cadastral_map": ("Bản đồ địa chính", "Cadastral map"),
    "land_register": ("Sổ địa chính", "Cadastral register"),
    "land_price": ("Giá đất", "Land prices"),
    "planning": ("Quy hoạch, kế hoạch sử dụng đất", "Land use planning"),
    # tree species
    "acacia": ("Keo", "Acacia"),
    "eucalyptus": ("Bạch đàn", "Eucalyptus"),
    "pine": ("Thông", "Pine"),
    "cinnamon": ("Quế", "Cinnamon"),
    "anise": ("Hồi", "Star anise"),
    # school grades
    "6": ("Lớp 6", "Grade 6"),
    "7": ("Lớp 7", "Grade 7"),
    "8": ("Lớp 8", "Grade 8"),
    "9": ("Lớp 9", "Grade 9"),
    "10": ("Lớp 10", "Grade 10"),
    "11": ("Lớp 11", "Grade 11"),
    "12": ("Lớp 12", "Grade 12"),
    # criminal record certificates
    "form_1": ("Phiếu lý lịch tư pháp số 1", "Criminal record certificate No. 1"),
    "form_2": ("Phiếu lý lịch tư pháp số 2", "Criminal record certificate No. 2"),
    # types of enterprise (Luật Doanh nghiệp 2020)
    "single_member_llc": ("Công ty trách nhiệm hữu hạn một thành viên", "Single-member limited liability company"),
    "multi_member_llc": ("Công ty trách nhiệm hữu hạn hai thành viên trở lên",
                         "Limited liability company with two or more members"),
    "joint_stock": ("Công ty cổ phần", "Joint-stock company"),
    "partnership": ("Công ty hợp danh", "Partnership"),
    "private": ("Doanh nghiệp tư nhân", "Private enterprise"),
    "branch": ("Chi nhánh", "Branch"),
    "representative_office": ("Văn phòng đại diện", "Representative office"),
    "business_location": ("Địa điểm kinh doanh", "Business location"),
    # construction: grade of works, class of practice certificate, fields of practice
    "special": ("Cấp đặc biệt", "Special grade"),
    "I": ("Hạng I", "Class I"),
    "II": ("Hạng II", "Class II"),
    "III": ("Hạng III", "Class III"),
    "survey": ("Khảo sát xây dựng", "Construction survey"),
    "architecture": ("Thiết kế kiến trúc công trình", "Architectural design"),
    "structural_design": ("Thiết kế kết cấu công trình", "Structural design"),
    "supervision": ("Giám sát thi công xây dựng", "Construction supervision"),
    "cost_estimation": ("Định giá xây dựng", "Construction cost estimation"),
    # road transport services
    "taxi": ("Xe taxi", "Taxi"),
    "contract": ("Xe hợp đồng", "Contract hire"),
    "fixed_route": ("Xe chạy tuyến cố định", "Fixed-route coach"),
    "truck": ("Xe tải", "Truck"),
    "tourist": ("Xe du lịch", "Tourist vehicle"),
    # fishing ports of Quảng Ninh
    "cai_rong": ("Cái Rồng", "Cai Rong"),
    "hon_gai": ("Hòn Gai", "Hon Gai"),
    "cat_tien": ("Cát Tiên", "Cat Tien"),
    "van_gia": ("Vạn Gia", "Van Gia"),
    # fishing gear and zones (Luật Thủy sản 2017)
    "gillnet": ("Lưới rê", "Gillnet"),
    "longline": ("Câu vàng", "Longline"),
    "purse_seine": ("Lưới vây", "Purse seine"),
    "trawl": ("Lưới kéo", "Trawl"),
    "trap": ("Lồng bẫy", "Traps and pots"),
    "coastal": ("Vùng ven bờ", "Coastal zone"),
    "inshore": ("Vùng lộng", "Inshore zone"),
    "offshore": ("Vùng khơi", "Offshore zone"),
    # food safety
    "seafood": ("Thủy sản và sản phẩm thủy sản", "Fish and fishery products"),
    "meat": ("Thịt và sản phẩm từ thịt", "Meat and meat products"),
    "vegetables": ("Rau, củ, quả", "Vegetables and fruit"),
    "forest_products": ("Lâm sản dùng làm thực phẩm", "Forest products used as food"),
    "production": ("Sản xuất", "Production"),
    "trading": ("Kinh doanh", "Trading"),
    # pharmacy practice
    "pharmacy_owner": ("Phụ trách chuyên môn nhà thuốc", "Pharmacist in charge of a pharmacy"),
    "drugstore": ("Phụ trách chuyên môn quầy thuốc", "Person in charge of a drug counter"),
    "wholesale": ("Phụ trách chuyên môn cơ sở bán buôn thuốc", "Person in charge of a drug wholesaler"),
    "manufacturing": ("Phụ trách chuyên môn cơ sở sản xuất thuốc", "Person in charge of a drug manufacturer"),
    # medical titles (Luật Khám bệnh, chữa bệnh 2023)
    "doctor": ("Bác sĩ", "Doctor"),
    "physician_assistant": ("Y sĩ", "Physician assistant"),
    "nurse": ("Điều dưỡng", "Nurse"),
    "midwife": ("Hộ sinh", "Midwife"),
    # diplomas and training programmes
    "upper_secondary_graduation": ("Bằng tốt nghiệp trung học phổ thông", "Upper-secondary graduation diploma"),
    "lower_secondary_graduation": ("Bằng tốt nghiệp trung học cơ sở", "Lower-secondary graduation diploma"),
    "foreign_language": ("Ngoại ngữ", "Foreign languages"),
    "it": ("Tin học", "Information technology"),
    "both": ("Ngoại ngữ và tin học", "Foreign languages and information technology"),
    # tourism
    "1_star": ("1 sao", "1 star"),
    "2_star": ("2 sao", "2 stars"),
    "3_star": ("3 sao", "3 stars"),
    "vietnamese": ("Tiếng Việt", "Vietnamese"),
    "english": ("Tiếng Anh", "English"),
    "chinese": ("Tiếng Trung Quốc", "Chinese"),
    # foreign workers' positions (Nghị định 152/2020/NĐ-CP)
    "manager": ("Nhà quản lý", "Manager"),
    "executive": ("Giám đốc điều hành", "Executive"),
    "expert": ("Chuyên gia", "Expert"),
    "technician": ("Lao động kỹ thuật", "Technical worker"),
    # funeral benefits
    "social_insurance_funeral": ("Trợ cấp mai táng (bảo hiểm xã hội)", "Funeral allowance (social insurance)"),
    "social_assistance_funeral": ("Hỗ trợ chi phí mai táng (bảo trợ xã hội)", "Funeral support (social assistance)"),
    "none": ("Không đề nghị", "None"),
    # awards
    "individual": ("Cá nhân", "Individual"),
    "collective": ("Tập thể", "Collective"),
    "household": ("Hộ gia đình", "Household"),
}


def roman(prefix_vi, prefix_en, values=("I", "II", "III")):
    """Per-field labels for roman-numbered grades: roman("Nhóm", "Group") -> {"I": ("Nhóm I", "Group I"), ...}."""
    return {v: ("%s %s" % (prefix_vi, v), "%s %s" % (prefix_en, v)) for v in values}


def select(name, vi, en, options, required=True, labels=None):
    """A select field; every option gets its labels from `labels` (this field only) or OPTION_LABELS."""
    labels = labels or {}
    stray = set(labels) - set(options)
    if stray:
        raise SystemExit("select %s: labels for values that are not options: %s" % (name, sorted(stray)))
    missing = [o for o in options if o not in labels and o not in OPTION_LABELS]
    if missing:
        raise SystemExit("select %s: no OPTION_LABELS entry for %s" % (name, missing))
    option_labels = {o: lt(*labels.get(o, OPTION_LABELS.get(o))) for o in options}
    return field(name, vi, en, "select", required, options=options, optionLabels=option_labels)


def number(name, vi, en, minimum, maximum, required=True):
    return field(name, vi, en, "number", required, minimum=float(minimum), maximum=float(maximum))


def copies():
    return number("number_of_copies", "Số bản sao yêu cầu", "Number of copies", 1, 20)


def text(name, vi, en, required=True, max_length=250):
    return field(name, vi, en, "text", required, maxLength=max_length)


def multiline(name, vi, en, required=True):
    return field(name, vi, en, "multiline", required, maxLength=2000)


def tax(name="tax_code", vi="Mã số thuế", en="Tax code"):
    return field(name, vi, en, "tax_code")


def fee(amount, vi=None, en=None, free_online=False):
    result = {"amount": amount}
    if vi is not None:
        result["description"] = lt(vi, en)
    result["freeOnline"] = free_online
    return result


FREE = fee(0)
PROVINCE_FEE_VI = "Mức thu theo Nghị quyết của Hội đồng nhân dân tỉnh"
PROVINCE_FEE_EN = "Amount set by a resolution of the Provincial People's Council"


def office_minutes(limit):
    """Office minutes in a time limit: a working day is 480, a calendar week has five working days."""
    if limit == "same_day":
        return 480
    amount, unit_ = limit.split()
    amount = int(amount)
    if unit_ == "working_days":
        return amount * 480
    if unit_ == "working_hours":
        return amount * 60
    if unit_ == "calendar_days":
        return round(amount * 5 / 7) * 480
    raise ValueError(limit)


STEP_NAMES = {
    "receive": lt("Tiếp nhận hồ sơ", "Receive the dossier"),
    "transfer": lt("Chuyển hồ sơ và phân công xử lý", "Transfer and assign"),
    "appraise": lt("Thẩm định, xử lý hồ sơ", "Appraise the dossier"),
    "approve": lt("Phê duyệt, ký số kết quả", "Approve and sign the result"),
    "issue": lt("Vào sổ, đóng dấu và phát hành kết quả", "Number, seal and issue the result"),
}
STEP_ROLES = {"receive": "reception", "transfer": "reception", "appraise": "specialist", "approve": "leader",
              "issue": "clerk", "inter_agency": "specialist"}


def build_process(limit, inter=()):
    """The five steps (plus inter-agency slices) with allotted minutes summing to the time limit."""
    total = office_minutes(limit)
    if total <= 480:
        receive, transfer, approve, issue = 60, 30, 60, 60
    elif total <= 1440:
        receive, transfer, approve, issue = 120, 60, 120, 60
    else:
        receive, transfer = 120, 60
        approve = max(240, (total // 10) // 60 * 60)
        issue = max(60, (total // 20) // 60 * 60)
    inter_total = sum(minutes for _, minutes, _, _ in inter)
    appraise = total - receive - transfer - approve - issue - inter_total
    assert appraise >= 60, (limit, appraise)
    steps = [
        {"id": "receive", "name": STEP_NAMES["receive"], "role": "reception", "allottedMinutes": receive,
         "interAgency": False},
        {"id": "transfer", "name": STEP_NAMES["transfer"], "role": "reception", "allottedMinutes": transfer,
         "interAgency": False},
        {"id": "appraise", "name": STEP_NAMES["appraise"], "role": "specialist", "allottedMinutes": appraise,
         "interAgency": False},
    ]
    for unit_code, minutes, vi, en in inter:
        steps.append({"id": "inter_agency", "name": lt(vi, en), "role": "specialist", "unit": unit_code,
                      "allottedMinutes": minutes, "interAgency": True})
    steps.append({"id": "approve", "name": STEP_NAMES["approve"], "role": "leader", "allottedMinutes": approve,
                  "interAgency": False})
    steps.append({"id": "issue", "name": STEP_NAMES["issue"], "role": "clerk", "allottedMinutes": issue,
                  "interAgency": False})
    return steps


PROCEDURES = []


def proc(code, vi, en, topic, level, units, documents, fields, limit, fee_, online, result, legal,
         eligible=None, inter=()):
    """Adds one procedure; `result` is (kind, vi, en); `inter` lists (unit, minutes, vi, en)."""
    if eligible is None:
        eligible = online == "full"
    PROCEDURES.append({
        "code": code, "version": 1, "name": lt(vi, en), "topic": TOPICS[topic], "level": level,
        "competentUnits": units, "documents": documents, "form": {"fields": fields}, "timeLimit": limit,
        "fee": fee_, "onlineLevel": online, "fullOnlineEligible": eligible,
        "process": build_process(limit, inter), "resultKind": result[0], "resultName": lt(result[1], result[2]),
        "legalBasis": legal,
    })


_demo_counter = [0]


def demo():
    _demo_counter[0] += 1
    return "DEMO.%04d" % _demo_counter[0]


C = ["kind:commune"]
HT = "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP"
HT_FEE = HT + "; Thông tư 85/2019/TT-BTC"
CT = "Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC"
DN = "Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP; Thông tư 47/2019/TT-BTC"
XD = "Luật Xây dựng 2014 (sửa đổi, bổ sung 2020); Nghị định 175/2024/NĐ-CP"
DD = "Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 151/2025/NĐ-CP"
BTXH = "Luật Người cao tuổi 2009; Luật Người khuyết tật 2010; Nghị định 20/2021/NĐ-CP; Nghị định 76/2024/NĐ-CP"
CU_TRU = "Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP; Thông tư 55/2021/TT-BCA; Thông tư 75/2022/TT-BTC"

PURPOSES = ["personal_use", "employment", "study", "study_abroad", "marriage", "legal_proceedings", "other"]
GENDERS = ["male", "female"]
RECORD_TYPES = ["birth", "marriage", "death", "parent_child_recognition", "guardianship", "adoption"]

ID_DOCS_VI = "Giấy tờ tùy thân của người nộp hồ sơ (CCCD, hộ chiếu)"


def build_catalogue():
    # ---- Civil status (commune) -----------------------------------------------------------------
    proc("1.001193", "Đăng ký khai sinh", "Birth registration", "civil", "commune", C, [
        application("Tờ khai đăng ký khai sinh", "Birth registration form"),
        doc("birth_notice", "Giấy chứng sinh hoặc văn bản thay thế giấy chứng sinh",
            "Birth notice (giấy chứng sinh) or a document replacing it", "birth_notice"),
        identity(),
        doc("parents_marriage", "Giấy chứng nhận kết hôn của cha, mẹ (nếu có)",
            "Parents' marriage certificate (if any)", "marriage_certificate", False),
        proxy(),
    ], [
        full_name("child_full_name", "Họ, chữ đệm và tên của trẻ", "Child's full name"),
        date("child_date_of_birth", "Ngày sinh của trẻ", "Child's date of birth"),
        select("child_gender", "Giới tính của trẻ", "Child's sex", GENDERS),
        text("place_of_birth", "Nơi sinh", "Place of birth"),
        pid("mother_personal_id", "Số định danh cá nhân của mẹ", "Mother's personal identification number"),
        full_name("father_full_name", "Họ, chữ đệm và tên của cha", "Father's full name") | {"required": False},
    ], "same_day", fee(0, "Miễn lệ phí đăng ký khai sinh đúng hạn", "No fee when registered within the legal period"),
        "full", ("certificate", "Giấy khai sinh", "Birth certificate"), HT)

    proc("2.000908", "Cấp bản sao từ sổ gốc", "Copy of a civil-status record from the original register", "civil",
         "commune", C, [
             application("Tờ khai cấp bản sao từ sổ gốc", "Request for a copy from the original register"),
             identity(), proxy(),
         ], [
             full_name("registered_full_name", "Họ tên người được đăng ký", "Name of the registered person"),
             date("registered_date_of_birth", "Ngày sinh người được đăng ký", "Registered person's date of birth"),
             select("record_type", "Loại việc hộ tịch", "Kind of civil-status record", RECORD_TYPES),
             date("registration_date", "Ngày đăng ký (nếu biết)", "Date of registration (if known)", False),
             copies(),
         ], "same_day", fee(8000, "8.000 đồng/bản sao", "8,000 VND per copy"), "full",
         ("copy", "Bản sao từ sổ gốc", "Copy from the original register"),
         HT_FEE + "; Nghị định 23/2015/NĐ-CP")

    proc("2.000635", "Cấp bản sao trích lục hộ tịch", "Civil-status extract", "civil", "commune",
         C + [DEPT["stp"]], [
             application("Tờ khai cấp bản sao trích lục hộ tịch", "Request for a civil-status extract"),
             identity(), proxy(),
         ], [
             full_name("registered_full_name", "Họ tên người được cấp trích lục", "Name on the extract"),
             pid("registered_personal_id", "Số định danh cá nhân người được cấp trích lục",
                 "Personal identification number on the extract"),
             select("record_type", "Loại trích lục", "Kind of extract", RECORD_TYPES),
             select("purpose", "Mục đích sử dụng", "Purpose", PURPOSES),
             copies(),
         ], "same_day", fee(8000, "8.000 đồng/bản sao trích lục", "8,000 VND per extract copy"), "full",
         ("extract", "Bản sao trích lục hộ tịch", "Civil-status extract"), HT_FEE)

    proc(demo(), "Đăng ký kết hôn", "Marriage registration", "civil", "commune", C, [
        application("Tờ khai đăng ký kết hôn (có đủ thông tin của hai bên)", "Marriage registration form (both parties)"),
        identity(vi="Giấy tờ tùy thân của hai bên nam, nữ", en="Identity documents of both parties"),
        doc("marital_status", "Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi khác nơi cư trú)",
            "Marital status confirmation (if registering away from one's residence)",
            "marital_status_confirmation", False),
    ], [
        full_name("groom_full_name", "Họ tên bên nam", "Groom's full name"),
        pid("groom_personal_id", "Số định danh cá nhân bên nam", "Groom's personal identification number"),
        full_name("bride_full_name", "Họ tên bên nữ", "Bride's full name"),
        pid("bride_personal_id", "Số định danh cá nhân bên nữ", "Bride's personal identification number"),
        date("ceremony_date", "Ngày đề nghị trao giấy chứng nhận", "Preferred date to receive the certificate", False),
    ], "same_day", fee(0, PROVINCE_FEE_VI + " (bản demo: miễn)", PROVINCE_FEE_EN + " (demo: free)"), "partial",
        ("certificate", "Giấy chứng nhận kết hôn", "Marriage certificate"), HT_FEE, eligible=True)

    proc(demo(), "Đăng ký khai tử", "Death registration", "civil", "commune", C, [
        application("Tờ khai đăng ký khai tử", "Death registration form"),
        doc("death_notice", "Giấy báo tử hoặc giấy tờ thay thế giấy báo tử", "Death notice or a document replacing it",
            "death_notice"),
        identity(), proxy(),
    ], [
        full_name("deceased_full_name", "Họ tên người chết", "Name of the deceased"),
        pid("deceased_personal_id", "Số định danh cá nhân người chết", "Personal identification number of the deceased"),
        date("date_of_death", "Ngày chết", "Date of death"),
        text("place_of_death", "Nơi chết", "Place of death"),
        select("relationship", "Quan hệ với người chết", "Relationship to the deceased",
               ["spouse", "child", "parent", "sibling", "relative", "other"]),
    ], "same_day", fee(0, "Miễn lệ phí đăng ký khai tử đúng hạn", "No fee when registered within the legal period"),
        "full", ("certificate", "Trích lục khai tử", "Death registration extract"), HT)

    proc(demo(), "Đăng ký nhận cha, mẹ, con", "Registration of parent–child recognition", "civil", "commune", C, [
        application("Tờ khai đăng ký nhận cha, mẹ, con", "Parent–child recognition form"),
        doc("evidence", "Văn bản của cơ quan y tế, giám định xác nhận quan hệ cha, mẹ, con hoặc chứng cứ khác",
            "DNA test report or other evidence of the parent–child relationship", "original_document"),
        identity(),
        doc("birth_certificate", "Giấy khai sinh của người con", "Birth certificate of the child", "birth_certificate"),
    ], [
        full_name("parent_full_name", "Họ tên người nhận", "Name of the recognising parent"),
        pid("parent_personal_id", "Số định danh cá nhân người nhận", "Recognising parent's ID number"),
        full_name("child_full_name", "Họ tên người được nhận", "Name of the child"),
        select("relationship", "Quan hệ", "Relationship", ["father", "mother", "child"],
               labels={"father": ("Cha nhận con", "Father recognising a child"),
                       "mother": ("Mẹ nhận con", "Mother recognising a child"),
                       "child": ("Con nhận cha, mẹ", "Child recognising a parent")}),
    ], "3 working_days", fee(15000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "partial",
        ("extract", "Trích lục đăng ký nhận cha, mẹ, con", "Extract of the parent–child recognition"), HT_FEE,
        eligible=True)

    proc(demo(), "Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
         "Birth registration combined with parent–child recognition", "civil", "commune", C, [
             application("Tờ khai đăng ký khai sinh và tờ khai nhận cha, mẹ, con",
                         "Birth registration and parent–child recognition forms"),
             doc("birth_notice", "Giấy chứng sinh", "Birth notice", "birth_notice"),
             doc("evidence", "Chứng cứ chứng minh quan hệ cha, con", "Evidence of the father–child relationship",
                 "original_document"),
             identity(),
         ], [
             full_name("child_full_name", "Họ tên của trẻ", "Child's full name"),
             date("child_date_of_birth", "Ngày sinh của trẻ", "Child's date of birth"),
             select("child_gender", "Giới tính của trẻ", "Child's sex", GENDERS),
             full_name("father_full_name", "Họ tên người cha", "Father's full name"),
             pid("father_personal_id", "Số định danh cá nhân của cha", "Father's ID number"),
         ], "3 working_days", fee(15000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "partial",
         ("certificate", "Giấy khai sinh và trích lục nhận cha, mẹ, con",
          "Birth certificate and parent–child recognition extract"), HT_FEE, eligible=True)

    proc(demo(), "Đăng ký lại khai sinh", "Re-registration of a birth (re-issue of a lost birth certificate)", "civil",
         "commune", C, [
             application("Tờ khai đăng ký lại khai sinh", "Birth re-registration form"),
             doc("evidence", "Bản sao giấy tờ có thông tin khai sinh (học bạ, hồ sơ cán bộ...)",
                 "Copies of documents showing the birth details (school record, personnel file...)", "school_record"),
             identity(), proxy(),
         ], [
             full_name(), date("date_of_birth", "Ngày sinh", "Date of birth"), pid(),
             text("original_registration_place", "Nơi đã đăng ký khai sinh trước đây",
                  "Where the birth was first registered"),
         ], "5 working_days", fee(10000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "full",
         ("certificate", "Giấy khai sinh (đăng ký lại)", "Birth certificate (re-registered)"), HT_FEE)

    proc(demo(), "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
         "Change of name and correction of civil-status details", "civil", "commune", C, [
             application("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Change request form"),
             doc("birth_certificate", "Giấy khai sinh hoặc giấy tờ hộ tịch cần thay đổi",
                 "Birth certificate or the civil-status paper to change", "birth_certificate"),
             doc("evidence", "Giấy tờ chứng minh căn cứ thay đổi, cải chính", "Evidence supporting the change",
                 "original_document"),
             identity(),
         ], [
             full_name("current_full_name", "Họ tên hiện tại", "Current full name"), pid(),
             select("change_kind", "Nội dung đề nghị", "Requested change",
                    ["change_name", "correct_details", "add_details", "change_ethnicity"]),
             multiline("reason", "Lý do", "Reason"),
         ], "3 working_days", fee(15000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "full",
         ("extract", "Trích lục thay đổi, cải chính hộ tịch", "Extract of the civil-status change"),
         HT_FEE + "; Bộ luật Dân sự 2015")

    proc(demo(), "Cấp giấy xác nhận tình trạng hôn nhân", "Marital status confirmation", "civil", "commune", C, [
        application("Tờ khai cấp giấy xác nhận tình trạng hôn nhân", "Marital status confirmation request"),
        identity(),
        doc("divorce_decision", "Bản án, quyết định ly hôn đã có hiệu lực (nếu đã ly hôn)",
            "Final divorce judgment or decision (if divorced)", "court_decision", False),
    ], [
        full_name(), pid(), addr(),
        select("purpose", "Mục đích sử dụng", "Purpose", ["marriage", "property_transaction", "employment", "other"]),
        copies(),
    ], "3 working_days", fee(10000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "full",
        ("confirmation", "Giấy xác nhận tình trạng hôn nhân", "Marital status confirmation"), HT_FEE)

    proc(demo(), "Đăng ký nuôi con nuôi trong nước", "Domestic adoption registration", "civil", "commune", C, [
        application("Đơn xin nhận con nuôi", "Adoption application"),
        identity(vi="Giấy tờ tùy thân của người nhận con nuôi", en="Identity document of the adoptive parent"),
        doc("health", "Giấy khám sức khỏe của người nhận con nuôi", "Health certificate of the adoptive parent",
            "health_certificate"),
        doc("child_birth_certificate", "Giấy khai sinh của trẻ được nhận làm con nuôi",
            "Birth certificate of the child", "birth_certificate"),
        doc("photo", "Hai ảnh 4x6 hoặc 5x7 của trẻ", "Two 4x6 or 5x7 photos of the child", "photo"),
    ], [
        full_name("adoptive_parent_full_name", "Họ tên người nhận con nuôi", "Adoptive parent's name"),
        pid("adoptive_parent_personal_id", "Số định danh cá nhân người nhận con nuôi", "Adoptive parent's ID number"),
        full_name("child_full_name", "Họ tên trẻ được nhận làm con nuôi", "Child's name"),
        date("child_date_of_birth", "Ngày sinh của trẻ", "Child's date of birth"),
        multiline("reason", "Lý do nhận con nuôi", "Reason for the adoption"),
    ], "30 calendar_days", fee(400000, "400.000 đồng/trường hợp", "400,000 VND per case"), "partial",
        ("certificate", "Giấy chứng nhận nuôi con nuôi", "Adoption certificate"),
        "Luật Nuôi con nuôi 2010; Nghị định 19/2011/NĐ-CP; Nghị định 24/2019/NĐ-CP; Nghị định 114/2016/NĐ-CP")

    proc(demo(), "Đăng ký giám hộ", "Guardianship registration", "civil", "commune", C, [
        application("Tờ khai đăng ký giám hộ", "Guardianship registration form"),
        doc("appointment", "Văn bản cử người giám hộ", "Document appointing the guardian", "original_document"),
        identity(),
    ], [
        full_name("guardian_full_name", "Họ tên người giám hộ", "Guardian's name"),
        pid("guardian_personal_id", "Số định danh cá nhân người giám hộ", "Guardian's ID number"),
        full_name("ward_full_name", "Họ tên người được giám hộ", "Name of the person under guardianship"),
        select("guardianship_kind", "Loại giám hộ", "Kind of guardianship", ["appointed", "by_law"]),
    ], "3 working_days", fee(0, PROVINCE_FEE_VI + " (bản demo: miễn)", PROVINCE_FEE_EN + " (demo: free)"),
        "partial", ("extract", "Trích lục đăng ký giám hộ", "Guardianship registration extract"),
        HT_FEE + "; Bộ luật Dân sự 2015", eligible=True)

    proc(demo(), "Đăng ký chấm dứt giám hộ", "Registration of the end of a guardianship", "civil", "commune", C, [
        application("Tờ khai đăng ký chấm dứt giám hộ", "End of guardianship form"),
        doc("evidence", "Giấy tờ làm căn cứ chấm dứt giám hộ", "Evidence that the guardianship ends",
            "original_document"),
        identity(),
    ], [
        full_name("guardian_full_name", "Họ tên người giám hộ", "Guardian's name"),
        full_name("ward_full_name", "Họ tên người được giám hộ", "Name of the person under guardianship"),
        multiline("reason", "Lý do chấm dứt", "Reason"),
    ], "2 working_days", FREE, "full", ("extract", "Trích lục chấm dứt giám hộ", "Extract of the end of guardianship"),
        HT + "; Bộ luật Dân sự 2015")

    proc(demo(), "Đăng ký lại kết hôn", "Re-registration of a marriage", "civil", "commune", C, [
        application("Tờ khai đăng ký lại kết hôn", "Marriage re-registration form"),
        doc("evidence", "Bản sao giấy chứng nhận kết hôn được cấp trước đây (nếu có)",
            "Copy of the earlier marriage certificate (if any)", "marriage_certificate", False),
        identity(vi="Giấy tờ tùy thân của hai bên", en="Identity documents of both spouses"),
    ], [
        full_name("husband_full_name", "Họ tên chồng", "Husband's name"),
        full_name("wife_full_name", "Họ tên vợ", "Wife's name"),
        date("original_marriage_date", "Ngày đăng ký kết hôn trước đây", "Date of the original registration", False),
    ], "5 working_days", fee(10000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "partial",
        ("certificate", "Giấy chứng nhận kết hôn (đăng ký lại)", "Marriage certificate (re-registered)"), HT_FEE)

    proc(demo(), "Đăng ký lại khai tử", "Re-registration of a death", "civil", "commune", C, [
        application("Tờ khai đăng ký lại khai tử", "Death re-registration form"),
        doc("evidence", "Bản sao giấy tờ liên quan đến việc khai tử trước đây", "Copies of the earlier death records",
            "death_certificate", False),
        identity(),
    ], [
        full_name("deceased_full_name", "Họ tên người đã chết", "Name of the deceased"),
        date("date_of_death", "Ngày chết", "Date of death"),
        text("original_registration_place", "Nơi đã đăng ký khai tử", "Where the death was first registered"),
    ], "5 working_days", FREE, "full", ("extract", "Trích lục khai tử (đăng ký lại)", "Death extract (re-registered)"),
        HT)

    # ---- Certification (commune) ----------------------------------------------------------------
    proc(demo(), "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
         "Certified copy from an original document", "cert", "commune", C, [
             doc("original", "Bản chính giấy tờ, văn bản cần chứng thực", "The original document", "original_document"),
             doc("copy", "Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị)",
                 "The copies to certify (if brought by the applicant)", "original_document", False),
         ], [
             full_name(), text("document_name", "Tên giấy tờ cần chứng thực", "Name of the document"),
             number("number_of_pages", "Số trang của bản chính", "Number of pages", 1, 500),
             copies(),
         ], "same_day", fee(2000, "2.000 đồng/trang cho trang 1–2; 1.000 đồng/trang từ trang thứ 3; tối đa 200.000 đồng/bản",
                            "2,000 VND/page for pages 1–2, 1,000 VND/page from page 3, at most 200,000 VND per copy"),
         "partial", ("copy", "Bản sao được chứng thực từ bản chính", "Certified copy"), CT, eligible=True)

    proc(demo(), "Chứng thực chữ ký trong giấy tờ, văn bản", "Certification of a signature", "cert", "commune", C, [
        identity(vi="Giấy tờ tùy thân còn hiệu lực của người ký", en="Valid identity document of the signer"),
        doc("document", "Giấy tờ, văn bản sẽ ký", "The document to be signed", "original_document"),
    ], [
        full_name("signer_full_name", "Họ tên người ký", "Signer's name"),
        pid("signer_personal_id", "Số định danh cá nhân người ký", "Signer's ID number"),
        text("document_name", "Tên giấy tờ, văn bản", "Name of the document"),
    ], "same_day", fee(10000, "10.000 đồng/trường hợp", "10,000 VND per case"), "none",
        ("confirmation", "Lời chứng chứng thực chữ ký", "Signature certification"), CT)

    proc(demo(), "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
         "Certification of a contract about movable property", "cert", "commune", C, [
             doc("contract", "Dự thảo hợp đồng, giao dịch", "Draft contract", "contract"),
             identity(vi="Giấy tờ tùy thân của các bên", en="Identity documents of the parties"),
             doc("ownership", "Giấy tờ chứng minh quyền sở hữu tài sản", "Proof of ownership of the property",
                 "original_document"),
         ], [
             text("contract_name", "Tên hợp đồng, giao dịch", "Contract name"),
             number("number_of_parties", "Số bên tham gia", "Number of parties", 2, 10),
             number("contract_value", "Giá trị hợp đồng (đồng)", "Contract value (VND)", 0, 100000000000, False),
         ], "2 working_days", fee(50000, "50.000 đồng/hợp đồng", "50,000 VND per contract"), "none",
         ("confirmation", "Hợp đồng được chứng thực", "Certified contract"), CT)

    proc(demo(), "Chứng thực văn bản thỏa thuận phân chia di sản", "Certification of an estate division agreement",
         "cert", "commune", C, [
             doc("agreement", "Dự thảo văn bản thỏa thuận phân chia di sản", "Draft estate division agreement", "contract"),
             identity(vi="Giấy tờ tùy thân của những người thừa kế", en="Identity documents of the heirs"),
             doc("death_certificate", "Trích lục khai tử của người để lại di sản", "Death extract of the deceased",
                 "death_certificate"),
             doc("land", "Giấy chứng nhận quyền sử dụng đất (nếu di sản là đất)",
                 "Land use certificate (if the estate includes land)", "land_use_certificate", False),
         ], [
             full_name("deceased_full_name", "Họ tên người để lại di sản", "Name of the deceased"),
             number("number_of_heirs", "Số người thừa kế", "Number of heirs", 1, 30),
             multiline("estate_description", "Mô tả di sản", "Description of the estate"),
         ], "2 working_days", fee(50000, "50.000 đồng/văn bản", "50,000 VND per agreement"), "none",
         ("confirmation", "Văn bản thỏa thuận phân chia di sản được chứng thực", "Certified estate division agreement"),
         CT + "; Bộ luật Dân sự 2015")

    # ---- Residence (commune one-stop section with the commune police) ----------------------------
    proc(demo(), "Xác nhận thông tin về cư trú", "Residence confirmation", "residence", "commune", C, [
        application("Tờ khai thay đổi thông tin cư trú (mẫu CT01)", "Residence information form (CT01)"),
        proxy(),
    ], [
        full_name(), pid(), addr(),
        select("purpose", "Mục đích sử dụng", "Purpose", PURPOSES),
    ], "1 working_days", FREE, "full",
        ("confirmation", "Giấy xác nhận thông tin về cư trú", "Residence confirmation"), CU_TRU)

    proc(demo(), "Đăng ký thường trú", "Permanent residence registration", "residence", "commune", C, [
        application("Tờ khai thay đổi thông tin cư trú (mẫu CT01)", "Residence information form (CT01)"),
        doc("legal_residence", "Giấy tờ chứng minh chỗ ở hợp pháp", "Proof of lawful accommodation",
            "land_use_certificate"),
        doc("owner_consent", "Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở (nếu nhập vào hộ khác)",
            "Consent of the householder or owner (when joining another household)", "original_document", False),
        # Once-only: the birth registration's electronic result satisfies this requirement
        # ("result:<procedure code>"), so a parent registering a newborn reuses it from the vault.
        doc("birth_certificate", "Giấy khai sinh (khi đăng ký thường trú cho trẻ em)",
            "Birth certificate (when registering a child)", "result:1.001193", False),
    ], [
        full_name(), pid(), addr("new_address", "Địa chỉ đăng ký thường trú", "Address to register"),
        select("housing_kind", "Loại chỗ ở", "Kind of accommodation", ["own_home", "rented", "relative", "other"],
               labels={"relative": ("Ở nhờ nhà người thân", "Living in a relative's home")}),
    ], "7 working_days", fee(20000, "20.000 đồng/lần (10.000 đồng khi nộp trực tuyến)",
                              "20,000 VND (10,000 VND when filed online)"), "full",
        ("registration", "Thông báo kết quả đăng ký thường trú", "Permanent residence registration notice"), CU_TRU)

    proc(demo(), "Đăng ký tạm trú", "Temporary residence registration", "residence", "commune", C, [
        application("Tờ khai thay đổi thông tin cư trú (mẫu CT01)", "Residence information form (CT01)"),
        doc("lease", "Hợp đồng thuê nhà hoặc giấy tờ chứng minh chỗ ở hợp pháp", "Lease or proof of lawful accommodation",
            "lease_contract"),
    ], [
        full_name(), pid(), addr("temporary_address", "Địa chỉ đăng ký tạm trú", "Temporary address"),
        date("stay_until", "Tạm trú đến ngày", "Staying until"),
    ], "3 working_days", fee(15000, "15.000 đồng/lần (7.000 đồng khi nộp trực tuyến)",
                              "15,000 VND (7,000 VND when filed online)"), "full",
        ("registration", "Thông báo kết quả đăng ký tạm trú", "Temporary residence registration notice"), CU_TRU)

    # ---- Social protection (commune) ------------------------------------------------------------
    proc(demo(), "Trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội", "Monthly social allowance", "social",
         "commune", C, [
             application("Tờ khai đề nghị trợ giúp xã hội (mẫu 1a–1d)", "Social assistance request (forms 1a–1d)"),
             identity(),
             doc("disability", "Giấy xác nhận khuyết tật (đối với người khuyết tật)",
                 "Disability certificate (for persons with disabilities)", "disability_certificate", False),
             doc("birth_certificate", "Giấy khai sinh (đối với trẻ em)", "Birth certificate (for children)",
                 "birth_certificate", False),
         ], [
             full_name("beneficiary_full_name", "Họ tên đối tượng", "Beneficiary's name"),
             pid("beneficiary_personal_id", "Số định danh cá nhân của đối tượng", "Beneficiary's ID number"),
             date("beneficiary_date_of_birth", "Ngày sinh", "Date of birth"),
             select("category", "Nhóm đối tượng", "Category",
                    ["elderly_80_plus", "elderly_poor", "person_with_disability", "orphan", "single_parent_poor"]),
             addr(),
         ], "15 working_days", FREE, "partial",
         ("decision", "Quyết định trợ cấp xã hội hằng tháng", "Decision on the monthly social allowance"), BTXH,
         eligible=True)

    proc(demo(), "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Funeral allowance for a social beneficiary",
         "social", "commune", C, [
             application("Tờ khai đề nghị hỗ trợ chi phí mai táng", "Funeral allowance request"),
             doc("death_certificate", "Trích lục khai tử", "Death extract", "death_certificate"),
             identity(vi="Giấy tờ tùy thân của người tổ chức mai táng", en="Identity document of the organiser"),
         ], [
             full_name("deceased_full_name", "Họ tên người đã mất", "Name of the deceased"),
             date("date_of_death", "Ngày mất", "Date of death"),
             full_name("organiser_full_name", "Họ tên người tổ chức mai táng", "Organiser's name"),
         ], "5 working_days", FREE, "full",
         ("decision", "Quyết định hỗ trợ chi phí mai táng", "Decision on the funeral allowance"), BTXH)

    proc(demo(), "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
         "Determination of the degree of disability and disability certificate", "social", "commune", C, [
             application("Đơn đề nghị xác định mức độ khuyết tật", "Request for disability assessment"),
             doc("medical", "Bản sao hồ sơ bệnh án, giấy tờ khám chữa bệnh (nếu có)", "Medical records (if any)",
                 "health_certificate", False),
             identity(),
         ], [
             full_name(), pid(), date("date_of_birth", "Ngày sinh", "Date of birth"),
             select("disability_kind", "Dạng khuyết tật", "Kind of disability",
                    ["mobility", "hearing_speech", "visual", "mental", "intellectual", "other"],
                    labels={"other": ("Khuyết tật khác", "Other disability")}),
         ], "20 working_days", FREE, "partial",
         ("certificate", "Giấy xác nhận khuyết tật", "Disability certificate"),
         "Luật Người khuyết tật 2010; Nghị định 28/2012/NĐ-CP; Thông tư 01/2019/TT-BLĐTBXH", eligible=True)

    proc(demo(), "Đổi, cấp lại Giấy xác nhận khuyết tật", "Replacement of a disability certificate", "social",
         "commune", C, [
             application("Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật", "Request for a replacement certificate"),
             doc("old_certificate", "Giấy xác nhận khuyết tật cũ (trường hợp đổi)", "Old certificate (for a replacement)",
                 "disability_certificate", False),
         ], [
             full_name(), pid(),
             select("reason", "Lý do", "Reason", ["lost", "damaged", "details_changed"]),
         ], "5 working_days", FREE, "full", ("certificate", "Giấy xác nhận khuyết tật", "Disability certificate"),
         "Luật Người khuyết tật 2010; Nghị định 28/2012/NĐ-CP")

    proc(demo(), "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm",
         "Recognition of a poor or near-poor household during the year", "social", "commune", C, [
             application("Giấy đề nghị xét duyệt hộ nghèo, hộ cận nghèo", "Request for poor-household review"),
             identity(vi="Giấy tờ tùy thân của chủ hộ", en="Identity document of the head of household"),
         ], [
             full_name("head_of_household", "Họ tên chủ hộ", "Head of household"), pid(), addr(),
             number("household_members", "Số nhân khẩu", "Number of household members", 1, 20),
             number("monthly_income", "Thu nhập bình quân đầu người/tháng (đồng)", "Monthly income per person (VND)",
                    0, 100000000),
         ], "10 working_days", FREE, "partial",
         ("decision", "Quyết định công nhận hộ nghèo, hộ cận nghèo", "Decision recognising the household"),
         "Nghị định 07/2021/NĐ-CP; Quyết định 24/2021/QĐ-TTg", eligible=True)

    # ---- Household business (commune) -----------------------------------------------------------
    hkd_docs = [
        application("Giấy đề nghị đăng ký hộ kinh doanh", "Household business registration request"),
        identity(vi="Giấy tờ pháp lý của cá nhân đăng ký hộ kinh doanh", en="Identity document of the owner"),
        doc("lease", "Hợp đồng thuê địa điểm kinh doanh (nếu thuê)", "Lease of the business premises (if rented)",
            "lease_contract", False),
    ]
    proc(demo(), "Đăng ký thành lập hộ kinh doanh", "Household business registration", "business", "commune", C,
         hkd_docs, [
             text("business_name", "Tên hộ kinh doanh", "Business name", max_length=150),
             full_name("owner_full_name", "Họ tên chủ hộ kinh doanh", "Owner's name"),
             pid("owner_personal_id", "Số định danh cá nhân chủ hộ", "Owner's ID number"),
             addr("business_address", "Địa điểm kinh doanh", "Business address"),
             text("business_lines", "Ngành, nghề kinh doanh", "Lines of business"),
             number("capital", "Vốn kinh doanh (đồng)", "Capital (VND)", 0, 100000000000),
         ], "3 working_days", fee(100000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "full",
         ("certificate", "Giấy chứng nhận đăng ký hộ kinh doanh", "Household business registration certificate"), DN)

    proc(demo(), "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Change of household business registration",
         "business", "commune", C, [
             application("Thông báo thay đổi nội dung đăng ký hộ kinh doanh", "Notice of change"),
             doc("registration", "Giấy chứng nhận đăng ký hộ kinh doanh", "Household business registration certificate",
                 "business_registration"),
         ], [
             text("business_name", "Tên hộ kinh doanh", "Business name", max_length=150),
             text("registration_number", "Mã số hộ kinh doanh", "Registration number", max_length=20),
             select("change_kind", "Nội dung thay đổi", "Change",
                    ["address", "business_lines", "capital", "owner", "name"],
                    labels={"address": ("Địa điểm kinh doanh", "Business location"),
                            "name": ("Tên hộ kinh doanh", "Business name")}),
             multiline("details", "Nội dung chi tiết", "Details"),
         ], "3 working_days", fee(50000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "full",
         ("certificate", "Giấy chứng nhận đăng ký hộ kinh doanh (thay đổi)", "Updated registration certificate"), DN)

    proc(demo(), "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh",
         "Suspension or early resumption of a household business", "business", "commune", C, [
             application("Thông báo tạm ngừng/tiếp tục kinh doanh", "Notice of suspension or resumption"),
         ], [
             text("registration_number", "Mã số hộ kinh doanh", "Registration number", max_length=20),
             date("from_date", "Từ ngày", "From"), date("to_date", "Đến ngày", "Until"),
         ], "3 working_days", FREE, "full",
         ("confirmation", "Giấy xác nhận tạm ngừng kinh doanh", "Suspension confirmation"), DN)

    proc(demo(), "Chấm dứt hoạt động hộ kinh doanh", "Closure of a household business", "business", "commune", C, [
        application("Thông báo chấm dứt hoạt động hộ kinh doanh", "Notice of closure"),
        doc("tax_clearance", "Thông báo của cơ quan thuế về việc hoàn thành nghĩa vụ thuế", "Tax clearance notice",
            "tax_declaration"),
        doc("registration", "Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh", "Original registration certificate",
            "business_registration"),
    ], [
        text("registration_number", "Mã số hộ kinh doanh", "Registration number", max_length=20),
        date("closure_date", "Ngày chấm dứt", "Closure date"),
    ], "3 working_days", FREE, "full",
        ("confirmation", "Thông báo về việc chấm dứt hoạt động hộ kinh doanh", "Closure notice"), DN)

    proc(demo(), "Cấp Giấy phép bán lẻ rượu", "Alcohol retail licence", "trade", "commune", C, [
        application("Đơn đề nghị cấp Giấy phép bán lẻ rượu", "Alcohol retail licence application"),
        doc("registration", "Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh",
            "Enterprise or household business registration", "business_registration"),
        doc("premises", "Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh", "Proof of the right to use the premises",
            "lease_contract"),
        doc("supplier", "Văn bản giới thiệu của thương nhân bán buôn", "Letter from the wholesale supplier", "contract"),
    ], [
        text("business_name", "Tên thương nhân", "Trader's name", max_length=150),
        addr("shop_address", "Địa điểm bán lẻ", "Shop address"),
        number("shop_area", "Diện tích cửa hàng (m²)", "Shop area (m²)", 1, 10000),
    ], "10 working_days", fee(600000, "Phí thẩm định theo Thông tư 168/2016/TT-BTC (mức demo)",
                               "Appraisal fee under Circular 168/2016/TT-BTC (demo amount)"), "full",
        ("licence", "Giấy phép bán lẻ rượu", "Alcohol retail licence"),
        "Luật Phòng, chống tác hại của rượu, bia 2019; Nghị định 105/2017/NĐ-CP; Nghị định 17/2020/NĐ-CP")

    proc(demo(), "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", "Tobacco retail licence", "trade", "commune", C, [
        application("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá", "Tobacco retail licence application"),
        doc("registration", "Giấy chứng nhận đăng ký kinh doanh", "Business registration", "business_registration"),
        doc("supplier", "Văn bản giới thiệu của thương nhân phân phối, bán buôn", "Letter from the supplier",
            "contract"),
    ], [
        text("business_name", "Tên thương nhân", "Trader's name", max_length=150),
        addr("shop_address", "Địa điểm bán lẻ", "Shop address"),
    ], "10 working_days", fee(600000, "Phí thẩm định theo Thông tư 168/2016/TT-BTC (mức demo)",
                               "Appraisal fee under Circular 168/2016/TT-BTC (demo amount)"), "partial",
        ("licence", "Giấy phép bán lẻ sản phẩm thuốc lá", "Tobacco retail licence"),
        "Luật Phòng, chống tác hại của thuốc lá 2012; Nghị định 67/2013/NĐ-CP; Nghị định 106/2017/NĐ-CP",
        eligible=True)

    proc(demo(), "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "Karaoke business licence", "culture",
         "commune", C, [
             application("Đơn đề nghị cấp giấy phép kinh doanh karaoke", "Karaoke licence application"),
             doc("registration", "Giấy chứng nhận đăng ký kinh doanh", "Business registration", "business_registration"),
             doc("fire_safety", "Văn bản nghiệm thu về phòng cháy, chữa cháy", "Fire safety acceptance",
                 "technical_dossier"),
         ], [
             text("business_name", "Tên cơ sở", "Business name", max_length=150),
             addr("premises_address", "Địa điểm kinh doanh", "Premises address"),
             number("number_of_rooms", "Số phòng hát", "Number of rooms", 1, 100),
         ], "5 working_days", fee(2000000, "Phí thẩm định theo Thông tư 01/2021/TT-BTC (từ 1 đến 3 phòng, mức demo)",
                                  "Appraisal fee under Circular 01/2021/TT-BTC (1–3 rooms, demo amount)"), "partial",
         ("licence", "Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "Karaoke business licence"),
         "Nghị định 54/2019/NĐ-CP; Thông tư 01/2021/TT-BTC")

    # ---- Construction and land (commune) --------------------------------------------------------
    proc(demo(), "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Construction permit for a detached house",
         "construction", "commune", C, [
             application("Đơn đề nghị cấp giấy phép xây dựng", "Construction permit application"),
             doc("land", "Giấy chứng nhận quyền sử dụng đất", "Land use certificate", "land_use_certificate"),
             doc("drawings", "Hai bộ bản vẽ thiết kế xây dựng", "Two sets of construction drawings",
                 "construction_drawings"),
             doc("neighbour", "Cam kết bảo đảm an toàn công trình liền kề (nếu có)",
                 "Commitment on the safety of adjoining buildings (if any)", "original_document", False),
         ], [
             full_name("owner_full_name", "Họ tên chủ đầu tư", "Owner's name"),
             pid("owner_personal_id", "Số định danh cá nhân chủ đầu tư", "Owner's ID number"),
             addr("site_address", "Địa điểm xây dựng", "Construction site"),
             number("floor_area", "Tổng diện tích sàn (m²)", "Total floor area (m²)", 10, 5000),
             number("floors", "Số tầng", "Number of floors", 1, 7),
         ], "15 calendar_days", fee(75000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "full",
         ("licence", "Giấy phép xây dựng", "Construction permit"), XD)

    proc("1.013227", "Gia hạn giấy phép xây dựng", "Extension of a construction permit", "construction", "commune",
         C + [DEPT["sxd"]], [
             application("Đơn đề nghị gia hạn giấy phép xây dựng", "Extension request"),
             doc("permit", "Bản chính giấy phép xây dựng đã được cấp", "The original construction permit",
                 "construction_permit"),
         ], [
             full_name("owner_full_name", "Họ tên chủ đầu tư", "Owner's name"),
             text("permit_number", "Số giấy phép xây dựng", "Permit number", max_length=50),
             multiline("reason", "Lý do chưa khởi công", "Why works have not started"),
         ], "5 working_days", fee(15000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "full",
         ("licence", "Giấy phép xây dựng (gia hạn)", "Construction permit (extended)"), XD)

    proc(demo(), "Điều chỉnh giấy phép xây dựng nhà ở riêng lẻ", "Amendment of a construction permit",
         "construction", "commune", C, [
             application("Đơn đề nghị điều chỉnh giấy phép xây dựng", "Amendment request"),
             doc("permit", "Bản chính giấy phép xây dựng đã được cấp", "The original construction permit",
                 "construction_permit"),
             doc("drawings", "Bản vẽ thiết kế điều chỉnh", "Amended drawings", "construction_drawings"),
         ], [
             text("permit_number", "Số giấy phép xây dựng", "Permit number", max_length=50),
             multiline("changes", "Nội dung điều chỉnh", "Requested changes"),
         ], "10 working_days", fee(15000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "partial",
         ("licence", "Giấy phép xây dựng điều chỉnh", "Amended construction permit"), XD, eligible=True)

    proc(demo(), "Chuyển mục đích sử dụng đất đối với hộ gia đình, cá nhân",
         "Change of land use purpose for households and individuals", "land", "commune", C, [
             application("Đơn xin chuyển mục đích sử dụng đất", "Land use change application"),
             doc("land", "Giấy chứng nhận quyền sử dụng đất", "Land use certificate", "land_use_certificate"),
         ], [
             full_name("land_user", "Người sử dụng đất", "Land user"), pid(),
             text("parcel", "Thửa đất số, tờ bản đồ số", "Parcel and map sheet number", max_length=50),
             number("area", "Diện tích xin chuyển mục đích (m²)", "Area to convert (m²)", 1, 100000),
             select("target_use", "Mục đích sử dụng sau khi chuyển", "Target use",
                    ["residential", "commercial", "perennial_crops", "aquaculture"]),
         ], "15 working_days", FREE, "partial",
         ("decision", "Quyết định cho phép chuyển mục đích sử dụng đất", "Decision permitting the change of use"),
         "Luật Đất đai 2024; Nghị định 102/2024/NĐ-CP; Nghị định 151/2025/NĐ-CP")

    proc(demo(), "Hòa giải tranh chấp đất đai", "Mediation of a land dispute", "land", "commune", C, [
        application("Đơn yêu cầu hòa giải tranh chấp đất đai", "Request for land dispute mediation"),
        doc("evidence", "Giấy tờ liên quan đến thửa đất tranh chấp (nếu có)", "Documents about the parcel (if any)",
            "land_use_certificate", False),
    ], [
        full_name("requester", "Người yêu cầu", "Requester"),
        full_name("other_party", "Bên tranh chấp", "Other party"),
        text("parcel", "Thửa đất tranh chấp", "Disputed parcel", max_length=100),
        multiline("dispute", "Nội dung tranh chấp", "Nature of the dispute"),
    ], "30 calendar_days", FREE, "none",
        ("confirmation", "Biên bản hòa giải", "Mediation record"),
        "Luật Đất đai 2024; Nghị định 102/2024/NĐ-CP")

    proc(demo(), "Hỗ trợ đầu tư trồng rừng sản xuất", "Support for planting production forest", "forestry",
         "commune", C, [
             application("Đơn đăng ký trồng rừng sản xuất", "Forest planting registration"),
             doc("land", "Giấy tờ về quyền sử dụng đất lâm nghiệp", "Forest land use documents", "land_use_certificate"),
             doc("plan", "Phương án trồng rừng", "Planting plan", "business_plan"),
         ], [
             full_name(), pid(),
             number("area_ha", "Diện tích trồng (ha)", "Area (ha)", 1, 1000),
             select("species", "Loài cây trồng", "Species", ["acacia", "eucalyptus", "pine", "cinnamon", "anise", "other"],
                    labels={"other": ("Loài cây khác", "Other species")}),
         ], "15 working_days", FREE, "partial",
         ("decision", "Quyết định hỗ trợ trồng rừng", "Decision on forest planting support"),
         "Luật Lâm nghiệp 2017; Nghị định 58/2024/NĐ-CP", eligible=True)

    # ---- Education, culture, religion (commune) -------------------------------------------------
    proc(demo(), "Chuyển trường đối với học sinh trung học cơ sở", "Transfer of a lower-secondary pupil",
         "education", "commune", C, [
             application("Đơn xin chuyển trường của cha mẹ hoặc người giám hộ", "Transfer request by the parents"),
             doc("school_record", "Học bạ", "School record", "school_record"),
             doc("acceptance", "Giấy giới thiệu chuyển trường của trường đang học", "Release letter from the current school",
                 "original_document"),
         ], [
             full_name("pupil_full_name", "Họ tên học sinh", "Pupil's name"),
             date("pupil_date_of_birth", "Ngày sinh", "Date of birth"),
             select("grade", "Lớp", "Grade", ["6", "7", "8", "9"]),
             text("current_school", "Trường đang học", "Current school"),
             text("target_school", "Trường chuyển đến", "Target school"),
         ], "3 working_days", FREE, "full",
         ("decision", "Giấy đồng ý tiếp nhận học sinh", "Acceptance of the transfer"),
         "Luật Giáo dục 2019; Quyết định 51/2002/QĐ-BGDĐT; Thông tư 50/2021/TT-BGDĐT")

    proc(demo(), "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục",
         "Licence for an independent day-care group or kindergarten class", "education", "commune", C, [
             application("Tờ trình đề nghị cho phép hoạt động giáo dục", "Application"),
             doc("plan", "Đề án hoạt động", "Operating plan", "business_plan"),
             doc("staff", "Văn bằng, chứng chỉ của giáo viên", "Teachers' diplomas", "diploma"),
             doc("premises", "Giấy tờ về cơ sở vật chất", "Premises documents", "lease_contract"),
         ], [
             text("facility_name", "Tên nhóm trẻ, lớp mẫu giáo", "Facility name", max_length=150),
             addr("facility_address", "Địa điểm", "Address"),
             number("capacity", "Số trẻ dự kiến", "Planned number of children", 1, 70),
         ], "20 working_days", FREE, "partial",
         ("decision", "Quyết định cho phép hoạt động giáo dục", "Decision permitting operation"),
         "Luật Giáo dục 2019; Nghị định 125/2024/NĐ-CP", eligible=True)

    proc(demo(), "Thông báo tổ chức lễ hội", "Notice of a local festival", "culture", "commune", C, [
        application("Văn bản thông báo tổ chức lễ hội", "Festival notice"),
        doc("plan", "Kế hoạch tổ chức lễ hội", "Festival plan", "event_plan"),
    ], [
        text("festival_name", "Tên lễ hội", "Festival name"),
        addr("venue", "Địa điểm tổ chức", "Venue"),
        date("start_date", "Ngày bắt đầu", "Start date"), date("end_date", "Ngày kết thúc", "End date"),
    ], "5 working_days", FREE, "full",
        ("confirmation", "Văn bản tiếp nhận thông báo tổ chức lễ hội", "Acknowledgement of the festival notice"),
        "Nghị định 110/2018/NĐ-CP")

    proc(demo(), "Đăng ký sinh hoạt tôn giáo tập trung", "Registration of collective religious activities",
         "religion", "commune", C, [
             application("Văn bản đăng ký sinh hoạt tôn giáo tập trung", "Registration letter"),
             doc("representative", "Giấy tờ của người đại diện nhóm", "Documents of the group's representative",
                 "identity_card"),
             doc("venue", "Giấy tờ chứng minh địa điểm hợp pháp", "Proof of a lawful venue", "lease_contract"),
         ], [
             text("group_name", "Tên nhóm sinh hoạt", "Group name"),
             text("religion", "Tôn giáo", "Religion"),
             addr("venue_address", "Địa điểm sinh hoạt", "Venue address"),
             number("members", "Số người tham gia", "Number of members", 1, 5000),
         ], "20 working_days", FREE, "partial",
         ("decision", "Văn bản chấp thuận đăng ký sinh hoạt tôn giáo tập trung", "Approval of the registration"),
         "Luật Tín ngưỡng, tôn giáo 2016; Nghị định 95/2023/NĐ-CP", eligible=True)

    # ---- Justice (department) -------------------------------------------------------------------
    proc(demo(), "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Criminal record certificate", "justice",
         "department", [DEPT["stp"]], [
             application("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Criminal record certificate request"),
             identity(),
             doc("residence", "Giấy xác nhận thông tin về cư trú", "Residence confirmation", "residence_confirmation",
                 False),
             proxy(),
         ], [
             full_name(), pid(), date("date_of_birth", "Ngày sinh", "Date of birth"), addr(),
             select("certificate_type", "Loại phiếu", "Certificate type", ["form_1", "form_2"]),
             copies(),
         ], "10 working_days", fee(200000, "200.000 đồng/lần; từ bản thứ 3 thêm 5.000 đồng/bản",
                                    "200,000 VND per request; 5,000 VND per copy from the third"), "full",
         ("certificate", "Phiếu lý lịch tư pháp", "Criminal record certificate"),
         "Luật Lý lịch tư pháp 2009; Nghị định 111/2010/NĐ-CP; Thông tư 244/2016/TT-BTC")

    proc(demo(), "Thành lập Văn phòng công chứng", "Establishment of a notary office", "justice", "department",
         [DEPT["stp"]], [
             application("Hồ sơ đề nghị thành lập Văn phòng công chứng", "Application"),
             doc("plan", "Đề án thành lập Văn phòng công chứng", "Establishment plan", "business_plan"),
             doc("notary_card", "Quyết định bổ nhiệm công chứng viên", "Notary appointment decision",
                 "professional_certificate"),
         ], [
             text("office_name", "Tên Văn phòng công chứng", "Office name", max_length=150),
             full_name("head_notary", "Họ tên Trưởng Văn phòng", "Head notary"),
             addr("office_address", "Trụ sở", "Office address"),
         ], "20 working_days", fee(1000000, "Phí thẩm định điều kiện hoạt động (mức demo)",
                                    "Appraisal fee (demo amount)"), "partial",
         ("decision", "Quyết định cho phép thành lập Văn phòng công chứng", "Decision on the notary office"),
         "Luật Công chứng 2024")

    # ---- Finance: enterprises and investment (department) ----------------------------------------
    enterprise_fields = [
        text("enterprise_name", "Tên doanh nghiệp", "Enterprise name", max_length=200),
        select("enterprise_type", "Loại hình doanh nghiệp", "Type of enterprise",
               ["single_member_llc", "multi_member_llc", "joint_stock", "partnership", "private"]),
        addr("head_office", "Địa chỉ trụ sở chính", "Head office address"),
        number("charter_capital", "Vốn điều lệ (đồng)", "Charter capital (VND)", 1000000, 1e13),
        full_name("legal_representative", "Người đại diện theo pháp luật", "Legal representative"),
        pid("representative_personal_id", "Số định danh cá nhân người đại diện", "Representative's ID number"),
    ]
    proc(demo(), "Đăng ký thành lập doanh nghiệp", "Enterprise registration", "enterprise", "department",
         [DEPT["stc"]], [
             application("Giấy đề nghị đăng ký doanh nghiệp", "Enterprise registration request"),
             doc("charter", "Điều lệ công ty", "Company charter", "organisation_charter"),
             doc("members", "Danh sách thành viên/cổ đông sáng lập", "List of members or founding shareholders",
                 "original_document"),
             identity(vi="Giấy tờ pháp lý của cá nhân người đại diện theo pháp luật",
                      en="Identity document of the legal representative"),
             proxy(),
         ], enterprise_fields, "3 working_days",
         fee(50000, "50.000 đồng/lần; miễn lệ phí khi đăng ký qua mạng", "50,000 VND; free when filed online",
             free_online=True), "full",
         ("certificate", "Giấy chứng nhận đăng ký doanh nghiệp", "Enterprise registration certificate"), DN)

    proc(demo(), "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Change of enterprise registration details",
         "enterprise", "department", [DEPT["stc"]], [
             application("Thông báo thay đổi nội dung đăng ký doanh nghiệp", "Notice of change"),
             doc("resolution", "Nghị quyết, quyết định của chủ sở hữu/hội đồng thành viên",
                 "Resolution of the owner or members' council", "original_document"),
             proxy(),
         ], [
             tax("enterprise_code", "Mã số doanh nghiệp", "Enterprise code"),
             select("change_kind", "Nội dung thay đổi", "Change",
                    ["head_office", "legal_representative", "charter_capital", "business_lines", "name"],
                    labels={"name": ("Tên doanh nghiệp", "Enterprise name")}),
             multiline("details", "Nội dung chi tiết", "Details"),
         ], "3 working_days",
         fee(50000, "50.000 đồng/lần; miễn lệ phí khi đăng ký qua mạng", "50,000 VND; free when filed online",
             free_online=True), "full",
         ("certificate", "Giấy chứng nhận đăng ký doanh nghiệp (thay đổi)", "Updated enterprise registration certificate"),
         DN)

    proc(demo(), "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn",
         "Notice of suspension or early resumption of an enterprise's business", "enterprise", "department",
         [DEPT["stc"]], [
             application("Thông báo tạm ngừng kinh doanh", "Suspension notice"),
             doc("resolution", "Nghị quyết, quyết định về việc tạm ngừng kinh doanh", "Resolution on the suspension",
                 "original_document"),
         ], [
             tax("enterprise_code", "Mã số doanh nghiệp", "Enterprise code"),
             date("from_date", "Từ ngày", "From"), date("to_date", "Đến ngày", "Until"),
         ], "3 working_days", FREE, "full",
         ("confirmation", "Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh", "Suspension confirmation"),
         DN)

    proc(demo(), "Đăng ký giải thể doanh nghiệp", "Dissolution of an enterprise", "enterprise", "department",
         [DEPT["stc"]], [
             application("Thông báo về giải thể doanh nghiệp", "Dissolution notice"),
             doc("report", "Báo cáo thanh lý tài sản, danh sách chủ nợ và số nợ đã thanh toán",
                 "Liquidation report and list of creditors paid", "original_document"),
             doc("tax_clearance", "Xác nhận hoàn thành nghĩa vụ thuế", "Tax clearance", "tax_declaration"),
         ], [
             tax("enterprise_code", "Mã số doanh nghiệp", "Enterprise code"),
             date("dissolution_date", "Ngày giải thể", "Dissolution date"),
             multiline("reason", "Lý do giải thể", "Reason"),
         ], "5 working_days", FREE, "full",
         ("confirmation", "Thông báo về việc giải thể doanh nghiệp", "Dissolution notice"), DN)

    proc(demo(), "Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh",
         "Registration of a branch, representative office or business location", "enterprise", "department",
         [DEPT["stc"]], [
             application("Thông báo thành lập chi nhánh/văn phòng đại diện", "Branch registration notice"),
             doc("appointment", "Quyết định bổ nhiệm người đứng đầu chi nhánh", "Appointment of the branch head",
                 "original_document"),
         ], [
             tax("enterprise_code", "Mã số doanh nghiệp", "Enterprise code"),
             select("unit_type", "Loại đơn vị", "Kind of unit", ["branch", "representative_office", "business_location"]),
             addr("unit_address", "Địa chỉ", "Address"),
             full_name("head_full_name", "Người đứng đầu", "Head of the unit"),
         ], "3 working_days",
         fee(50000, "50.000 đồng/lần; miễn lệ phí khi đăng ký qua mạng", "50,000 VND; free when filed online",
             free_online=True), "full",
         ("certificate", "Giấy chứng nhận đăng ký hoạt động chi nhánh", "Branch registration certificate"), DN)

    proc(demo(), "Cấp Giấy chứng nhận đăng ký đầu tư", "Investment registration certificate", "investment",
         "department", [DEPT["stc"]], [
             application("Văn bản đề nghị thực hiện dự án đầu tư", "Investment project request"),
             doc("proposal", "Đề xuất dự án đầu tư", "Investment project proposal", "project_proposal"),
             doc("investor", "Giấy tờ pháp lý của nhà đầu tư", "Investor's legal documents", "enterprise_registration"),
             doc("finance", "Báo cáo tài chính 2 năm gần nhất của nhà đầu tư", "Investor's financial statements",
                 "original_document"),
         ], [
             text("project_name", "Tên dự án", "Project name", max_length=200),
             tax("investor_tax_code", "Mã số thuế nhà đầu tư", "Investor's tax code"),
             addr("project_location", "Địa điểm thực hiện dự án", "Project location"),
             number("total_investment", "Tổng vốn đầu tư (đồng)", "Total investment (VND)", 1000000, 1e14),
         ], "15 working_days", FREE, "partial",
         ("certificate", "Giấy chứng nhận đăng ký đầu tư", "Investment registration certificate"),
         "Luật Đầu tư 2020; Nghị định 31/2021/NĐ-CP")

    # ---- Construction and transport (department) ------------------------------------------------
    proc(demo(), "Cấp giấy phép xây dựng công trình", "Construction permit for a building project",
         "construction", "department", [DEPT["sxd"]], [
             application("Đơn đề nghị cấp giấy phép xây dựng", "Construction permit application"),
             doc("land", "Giấy tờ về quyền sử dụng đất", "Land use documents", "land_use_certificate"),
             doc("drawings", "Bản vẽ thiết kế xây dựng", "Construction drawings", "construction_drawings"),
             doc("appraisal", "Văn bản thông báo kết quả thẩm định thiết kế", "Design appraisal result",
                 "technical_dossier"),
         ], [
             text("project_name", "Tên công trình", "Project name", max_length=200),
             tax("investor_tax_code", "Mã số thuế chủ đầu tư", "Owner's tax code"),
             addr("site_address", "Địa điểm xây dựng", "Construction site"),
             select("grade", "Cấp công trình", "Building grade", ["special", "I", "II", "III"],
                    labels=roman("Cấp", "Grade")),
         ], "20 calendar_days", fee(150000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "partial",
         ("licence", "Giấy phép xây dựng", "Construction permit"), XD, eligible=True)

    proc(demo(), "Cấp chứng chỉ hành nghề hoạt động xây dựng", "Construction practice certificate",
         "construction", "department", [DEPT["sxd"]], [
             application("Đơn đề nghị cấp chứng chỉ hành nghề", "Practice certificate application"),
             doc("diploma", "Văn bằng đào tạo chuyên môn", "Professional diploma", "diploma"),
             doc("experience", "Bản khai kinh nghiệm hoạt động xây dựng", "Statement of experience", "original_document"),
             doc("photo", "Ảnh màu 4x6 cm", "4x6 cm colour photo", "photo"),
         ], [
             full_name(), pid(),
             select("field", "Lĩnh vực hành nghề", "Field of practice",
                    ["survey", "architecture", "structural_design", "supervision", "cost_estimation"]),
             select("class", "Hạng chứng chỉ", "Class", ["I", "II", "III"]),
         ], "20 working_days", fee(300000, "300.000 đồng/chứng chỉ", "300,000 VND per certificate"), "full",
         ("certificate", "Chứng chỉ hành nghề hoạt động xây dựng", "Construction practice certificate"),
         XD + "; Thông tư 38/2022/TT-BTC")

    proc(demo(), "Cấp phù hiệu xe ô tô kinh doanh vận tải", "Badge for a commercial transport vehicle",
         "transport", "department", [DEPT["sxd"]], [
             application("Giấy đề nghị cấp phù hiệu", "Badge application"),
             doc("vehicle", "Giấy đăng ký xe ô tô", "Vehicle registration", "original_document"),
             doc("licence", "Giấy phép kinh doanh vận tải bằng xe ô tô", "Road transport business licence",
                 "business_registration"),
         ], [
             tax("operator_tax_code", "Mã số thuế đơn vị vận tải", "Operator's tax code"),
             text("plate_number", "Biển số xe", "Plate number", max_length=20),
             select("service", "Loại hình kinh doanh", "Service", ["taxi", "contract", "fixed_route", "truck", "tourist"]),
         ], "2 working_days", FREE, "full", ("licence", "Phù hiệu xe", "Vehicle badge"),
         "Luật Đường bộ 2024; Nghị định 158/2024/NĐ-CP")

    # ---- Agriculture and environment (department) -----------------------------------------------
    proc(demo(), "Đăng ký tàu cá", "Fishing vessel registration", "fisheries", "department", [DEPT["snnmt"]], [
        application("Tờ khai đăng ký tàu cá", "Fishing vessel registration form"),
        doc("vessel", "Giấy tờ chứng minh nguồn gốc tàu cá", "Proof of the vessel's origin", "vessel_documents"),
        doc("inspection", "Biên bản kiểm tra an toàn kỹ thuật tàu cá", "Technical safety inspection", "technical_dossier"),
        doc("photo", "Ảnh màu tàu cá (mạn phải)", "Colour photo of the vessel (starboard)", "photo"),
    ], [
        full_name("owner_full_name", "Chủ tàu", "Owner"), pid("owner_personal_id", "Số định danh cá nhân chủ tàu",
                                                          "Owner's ID number"),
        number("length_m", "Chiều dài lớn nhất (m)", "Overall length (m)", 6, 60),
        number("engine_kw", "Tổng công suất máy chính (kW)", "Main engine power (kW)", 1, 5000),
        select("port", "Cảng cá đăng ký", "Home port", ["cai_rong", "hon_gai", "cat_tien", "van_gia", "other"],
               labels={"other": ("Cảng cá khác", "Other port")}),
    ], "3 working_days", fee(40000, "Lệ phí cấp giấy chứng nhận đăng ký tàu cá (mức demo)",
                              "Registration fee (demo amount)"), "partial",
        ("certificate", "Giấy chứng nhận đăng ký tàu cá", "Fishing vessel registration certificate"),
        "Luật Thủy sản 2017; Nghị định 26/2019/NĐ-CP; Nghị định 37/2024/NĐ-CP", eligible=True)

    proc(demo(), "Cấp giấy phép khai thác thủy sản", "Fishing licence", "fisheries", "department", [DEPT["snnmt"]], [
        application("Đơn đề nghị cấp giấy phép khai thác thủy sản", "Fishing licence application"),
        doc("vessel", "Giấy chứng nhận đăng ký tàu cá", "Fishing vessel registration certificate", "vessel_documents"),
        doc("captain", "Văn bằng, chứng chỉ thuyền trưởng, máy trưởng", "Captain's and engineer's certificates",
            "professional_certificate"),
    ], [
        text("vessel_number", "Số đăng ký tàu cá", "Vessel registration number", max_length=20),
        select("gear", "Nghề khai thác", "Fishing gear", ["gillnet", "longline", "purse_seine", "trawl", "trap"]),
        select("zone", "Vùng khai thác", "Fishing zone", ["coastal", "inshore", "offshore"]),
    ], "6 working_days", fee(40000, "Lệ phí cấp giấy phép (mức demo)", "Licence fee (demo amount)"), "partial",
        ("licence", "Giấy phép khai thác thủy sản", "Fishing licence"),
        "Luật Thủy sản 2017; Nghị định 26/2019/NĐ-CP; Nghị định 37/2024/NĐ-CP", eligible=True)

    proc(demo(), "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản",
         "Food safety certificate for agricultural, forestry and fishery products", "food", "department",
         [DEPT["snnmt"]], [
             application("Đơn đề nghị cấp Giấy chứng nhận", "Certificate application"),
             doc("description", "Bản thuyết minh về cơ sở vật chất, trang thiết bị", "Description of premises and equipment",
                 "technical_dossier"),
             doc("registration", "Giấy chứng nhận đăng ký kinh doanh", "Business registration", "business_registration"),
         ], [
             text("facility_name", "Tên cơ sở", "Facility name", max_length=150), tax(),
             addr("facility_address", "Địa chỉ cơ sở", "Facility address"),
             select("product_group", "Nhóm sản phẩm", "Product group", ["seafood", "meat", "vegetables", "forest_products"]),
         ], "15 working_days", fee(700000, "Phí thẩm định (mức demo)", "Appraisal fee (demo amount)"), "partial",
         ("certificate", "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Food safety certificate"),
         "Luật An toàn thực phẩm 2010; Nghị định 15/2018/NĐ-CP", eligible=True)

    proc(demo(), "Cấp giấy phép môi trường", "Environmental permit", "environment", "department", [DEPT["snnmt"]], [
        application("Văn bản đề nghị cấp giấy phép môi trường", "Environmental permit application"),
        doc("report", "Báo cáo đề xuất cấp giấy phép môi trường", "Environmental permit proposal report",
            "technical_dossier"),
        doc("investment", "Giấy chứng nhận đăng ký đầu tư hoặc văn bản tương đương", "Investment registration",
            "enterprise_registration"),
    ], [
        text("project_name", "Tên dự án, cơ sở", "Project or facility", max_length=200), tax(),
        addr("site", "Địa điểm", "Location"),
        select("group", "Nhóm dự án", "Project group", ["I", "II", "III"], labels=roman("Nhóm", "Group")),
    ], "30 working_days", fee(5000000, PROVINCE_FEE_VI + " (mức demo)", PROVINCE_FEE_EN + " (demo amount)"),
        "partial", ("licence", "Giấy phép môi trường", "Environmental permit"),
        "Luật Bảo vệ môi trường 2020; Nghị định 08/2022/NĐ-CP; Nghị định 05/2025/NĐ-CP", eligible=True)

    proc(demo(), "Cung cấp thông tin, dữ liệu đất đai", "Provision of land information", "land", "department",
         [DEPT["snnmt"]], [
             application("Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai", "Land information request"),
             identity(),
         ], [
             full_name(), text("parcel", "Thửa đất số, tờ bản đồ số", "Parcel and map sheet", max_length=50),
             select("information", "Thông tin yêu cầu", "Information requested",
                    ["cadastral_map", "land_register", "land_price", "planning"]),
             copies(),
         ], "2 working_days", fee(50000, PROVINCE_FEE_VI + " (mức demo)", PROVINCE_FEE_EN + " (demo amount)"), "full",
         ("extract", "Thông tin, dữ liệu đất đai", "Land information extract"), DD)

    # ---- Industry and trade (department) --------------------------------------------------------
    proc(demo(), "Cấp Giấy phép bán buôn rượu", "Alcohol wholesale licence", "trade", "department", [DEPT["sct"]], [
        application("Đơn đề nghị cấp Giấy phép bán buôn rượu", "Wholesale licence application"),
        doc("registration", "Giấy chứng nhận đăng ký doanh nghiệp", "Enterprise registration", "enterprise_registration"),
        doc("warehouse", "Giấy tờ chứng minh quyền sử dụng kho hàng", "Proof of the warehouse", "lease_contract"),
        doc("suppliers", "Hợp đồng với nhà cung cấp", "Supplier contracts", "contract"),
    ], [
        text("enterprise_name", "Tên doanh nghiệp", "Enterprise name", max_length=200), tax(),
        addr("warehouse_address", "Địa chỉ kho", "Warehouse address"),
    ], "10 working_days", fee(2200000, "Phí thẩm định theo Thông tư 168/2016/TT-BTC (mức demo)",
                               "Appraisal fee under Circular 168/2016/TT-BTC (demo amount)"), "full",
        ("licence", "Giấy phép bán buôn rượu", "Alcohol wholesale licence"),
        "Luật Phòng, chống tác hại của rượu, bia 2019; Nghị định 105/2017/NĐ-CP; Nghị định 17/2020/NĐ-CP")

    proc(demo(), "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", "Licence for a petrol retail station",
         "trade", "department", [DEPT["sct"]], [
             application("Đơn đề nghị cấp Giấy chứng nhận", "Application"),
             doc("registration", "Giấy chứng nhận đăng ký doanh nghiệp", "Enterprise registration",
                 "enterprise_registration"),
             doc("fire_safety", "Văn bản nghiệm thu về phòng cháy, chữa cháy", "Fire safety acceptance",
                 "technical_dossier"),
             doc("drawings", "Bản vẽ mặt bằng cửa hàng", "Site plan of the station", "site_plan"),
         ], [
             text("station_name", "Tên cửa hàng", "Station name", max_length=150), tax(),
             addr("station_address", "Địa chỉ cửa hàng", "Station address"),
             number("pumps", "Số cột bơm", "Number of pumps", 1, 30),
         ], "15 working_days", fee(1200000, "Phí thẩm định theo Thông tư 168/2016/TT-BTC (mức demo)",
                                   "Appraisal fee under Circular 168/2016/TT-BTC (demo amount)"), "partial",
         ("certificate", "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", "Petrol retail station certificate"),
         "Nghị định 83/2014/NĐ-CP; Nghị định 95/2021/NĐ-CP; Nghị định 80/2023/NĐ-CP")

    proc(demo(), "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm thuộc ngành Công Thương",
         "Food safety certificate for food businesses in the trade sector", "food", "department", [DEPT["sct"]], [
             application("Đơn đề nghị cấp Giấy chứng nhận", "Application"),
             doc("description", "Bản thuyết minh về cơ sở vật chất", "Description of the premises", "technical_dossier"),
             doc("health", "Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất",
                 "Health certificates of the owner and workers", "health_certificate"),
             doc("training", "Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm", "Food safety training",
                 "professional_certificate"),
         ], [
             text("facility_name", "Tên cơ sở", "Facility name", max_length=150), tax(),
             addr("facility_address", "Địa chỉ cơ sở", "Facility address"),
             select("activity", "Loại hình", "Activity", ["production", "trading"]),
         ], "20 working_days", fee(1000000, "Phí thẩm định (mức demo)", "Appraisal fee (demo amount)"), "partial",
         ("certificate", "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Food safety certificate"),
         "Luật An toàn thực phẩm 2010; Nghị định 15/2018/NĐ-CP", eligible=True)

    proc(demo(), "Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi",
         "Registration of a lucky-draw sales promotion", "trade", "department", [DEPT["sct"]], [
             application("Văn bản đề nghị thực hiện khuyến mại", "Promotion request"),
             doc("rules", "Thể lệ chương trình khuyến mại", "Promotion rules", "event_plan"),
             doc("prizes", "Mẫu vé số dự thưởng và hình ảnh giải thưởng", "Sample tickets and prize pictures", "photo"),
         ], [
             text("programme_name", "Tên chương trình", "Programme name", max_length=200), tax(),
             date("start_date", "Ngày bắt đầu", "Start date"), date("end_date", "Ngày kết thúc", "End date"),
             number("prize_value", "Tổng giá trị giải thưởng (đồng)", "Total prize value (VND)", 0, 1e11),
         ], "5 working_days", FREE, "full",
         ("confirmation", "Văn bản xác nhận đăng ký thực hiện khuyến mại", "Promotion registration confirmation"),
         "Luật Thương mại 2005; Nghị định 81/2018/NĐ-CP")

    # ---- Health (department) --------------------------------------------------------------------
    proc(demo(), "Cấp chứng chỉ hành nghề dược", "Pharmacy practice certificate", "pharmacy", "department",
         [DEPT["syt"]], [
             application("Đơn đề nghị cấp chứng chỉ hành nghề dược", "Application"),
             doc("diploma", "Văn bằng chuyên môn", "Professional diploma", "diploma"),
             doc("health", "Giấy chứng nhận đủ sức khỏe", "Health certificate", "health_certificate"),
             doc("experience", "Giấy xác nhận thời gian thực hành chuyên môn", "Proof of practical experience",
                 "professional_certificate"),
             doc("photo", "Hai ảnh chân dung 4x6 cm", "Two 4x6 cm portrait photos", "photo"),
         ], [
             full_name(), pid(), date("date_of_birth", "Ngày sinh", "Date of birth"),
             select("scope", "Phạm vi hành nghề", "Scope of practice",
                    ["pharmacy_owner", "drugstore", "wholesale", "manufacturing"]),
         ], "20 working_days", fee(500000, "Phí thẩm định (mức demo)", "Appraisal fee (demo amount)"), "partial",
         ("certificate", "Chứng chỉ hành nghề dược", "Pharmacy practice certificate"),
         "Luật Dược 2016 (sửa đổi, bổ sung 2024); Nghị định 54/2017/NĐ-CP", eligible=True)

    proc(demo(), "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược đối với nhà thuốc",
         "Pharmacy business licence", "pharmacy", "department", [DEPT["syt"]], [
             application("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dược", "Application"),
             doc("pharmacist", "Chứng chỉ hành nghề dược của người phụ trách chuyên môn",
                 "Practice certificate of the responsible pharmacist", "professional_certificate"),
             doc("premises", "Tài liệu kỹ thuật về địa điểm, trang thiết bị", "Technical file on premises and equipment",
                 "technical_dossier"),
         ], [
             text("pharmacy_name", "Tên nhà thuốc", "Pharmacy name", max_length=150),
             addr("pharmacy_address", "Địa chỉ", "Address"),
             full_name("pharmacist_full_name", "Người phụ trách chuyên môn", "Responsible pharmacist"),
         ], "20 working_days", fee(1000000, "Phí thẩm định (mức demo)", "Appraisal fee (demo amount)"), "partial",
         ("certificate", "Giấy chứng nhận đủ điều kiện kinh doanh dược", "Pharmacy business licence"),
         "Luật Dược 2016 (sửa đổi, bổ sung 2024); Nghị định 54/2017/NĐ-CP", eligible=True)

    proc(demo(), "Cấp giấy phép hành nghề khám bệnh, chữa bệnh", "Medical practice licence", "health",
         "department", [DEPT["syt"]], [
             application("Đơn đề nghị cấp giấy phép hành nghề", "Application"),
             doc("diploma", "Văn bằng chuyên môn", "Professional diploma", "diploma"),
             doc("exam", "Giấy xác nhận đạt kiểm tra đánh giá năng lực hành nghề",
                 "Proof of passing the competence assessment", "professional_certificate"),
             doc("health", "Giấy chứng nhận đủ sức khỏe", "Health certificate", "health_certificate"),
             doc("photo", "Ảnh chân dung 4x6 cm", "4x6 cm portrait photo", "photo"),
         ], [
             full_name(), pid(),
             select("title", "Chức danh chuyên môn", "Professional title",
                    ["doctor", "physician_assistant", "nurse", "midwife", "technician"],
                    labels={"technician": ("Kỹ thuật y", "Medical technician")}),
         ], "30 calendar_days", fee(360000, "Phí thẩm định (mức demo)", "Appraisal fee (demo amount)"), "partial",
         ("licence", "Giấy phép hành nghề khám bệnh, chữa bệnh", "Medical practice licence"),
         "Luật Khám bệnh, chữa bệnh 2023; Nghị định 96/2023/NĐ-CP", eligible=True)

    proc(demo(), "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống",
         "Food safety certificate for a restaurant or catering business", "food", "department", [DEPT["syt"]], [
             application("Đơn đề nghị cấp Giấy chứng nhận", "Application"),
             doc("description", "Bản thuyết minh về cơ sở vật chất, trang thiết bị", "Description of premises",
                 "technical_dossier"),
             doc("health", "Giấy xác nhận đủ sức khỏe của người trực tiếp chế biến",
                 "Health certificates of the food handlers", "health_certificate"),
         ], [
             text("facility_name", "Tên cơ sở", "Facility name", max_length=150),
             addr("facility_address", "Địa chỉ cơ sở", "Facility address"),
             number("meals_per_day", "Số suất ăn/ngày", "Meals per day", 1, 10000),
         ], "20 working_days", fee(700000, "Phí thẩm định (mức demo)", "Appraisal fee (demo amount)"), "partial",
         ("certificate", "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Food safety certificate"),
         "Luật An toàn thực phẩm 2010; Nghị định 15/2018/NĐ-CP", eligible=True)

    # ---- Education and training (department) ----------------------------------------------------
    proc(demo(), "Chuyển trường đối với học sinh trung học phổ thông", "Transfer of an upper-secondary pupil",
         "education", "department", [DEPT["sgddt"]], [
             application("Đơn xin chuyển trường", "Transfer request"),
             doc("school_record", "Học bạ", "School record", "school_record"),
             doc("release", "Giấy giới thiệu chuyển trường", "Release letter from the current school",
                 "original_document"),
         ], [
             full_name("pupil_full_name", "Họ tên học sinh", "Pupil's name"),
             date("pupil_date_of_birth", "Ngày sinh", "Date of birth"),
             select("grade", "Lớp", "Grade", ["10", "11", "12"]),
             text("current_school", "Trường đang học", "Current school"),
             text("target_school", "Trường chuyển đến", "Target school"),
         ], "3 working_days", FREE, "full",
         ("decision", "Giấy đồng ý tiếp nhận học sinh", "Acceptance of the transfer"),
         "Luật Giáo dục 2019; Quyết định 51/2002/QĐ-BGDĐT; Thông tư 50/2021/TT-BGDĐT")

    proc(demo(), "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Copy of a diploma from the original register",
         "education", "department", [DEPT["sgddt"]], [
             application("Đơn đề nghị cấp bản sao văn bằng, chứng chỉ", "Request for a diploma copy"),
             identity(), proxy(),
         ], [
             full_name(), date("date_of_birth", "Ngày sinh", "Date of birth"),
             select("diploma_type", "Loại văn bằng", "Kind of diploma",
                    ["upper_secondary_graduation", "lower_secondary_graduation", "foreign_language", "it"],
                    labels={"foreign_language": ("Chứng chỉ ngoại ngữ", "Foreign-language certificate"),
                            "it": ("Chứng chỉ ứng dụng công nghệ thông tin", "IT skills certificate")}),
             number("graduation_year", "Năm tốt nghiệp", "Graduation year", 1960, 2030),
             copies(),
         ], "same_day", fee(3000, "3.000 đồng/bản sao (mức demo)", "3,000 VND per copy (demo amount)"), "full",
         ("copy", "Bản sao văn bằng, chứng chỉ từ sổ gốc", "Diploma copy from the original register"),
         "Luật Giáo dục 2019; Thông tư 21/2019/TT-BGDĐT")

    proc(demo(), "Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục",
         "Licence for a foreign-language or IT training centre", "education", "department", [DEPT["sgddt"]], [
             application("Tờ trình đề nghị cho phép hoạt động giáo dục", "Application"),
             doc("establishment", "Quyết định thành lập trung tâm", "Establishment decision", "original_document"),
             doc("staff", "Danh sách và văn bằng của giáo viên", "Teachers and their diplomas", "diploma"),
             doc("premises", "Giấy tờ về cơ sở vật chất", "Premises documents", "lease_contract"),
         ], [
             text("centre_name", "Tên trung tâm", "Centre name", max_length=150), tax(),
             addr("centre_address", "Địa chỉ", "Address"),
             select("programmes", "Chương trình đào tạo", "Programmes", ["foreign_language", "it", "both"]),
         ], "20 working_days", FREE, "partial",
         ("decision", "Quyết định cho phép hoạt động giáo dục", "Decision permitting operation"),
         "Luật Giáo dục 2019; Nghị định 125/2024/NĐ-CP", eligible=True)

    # ---- Culture, sports and tourism (department) ------------------------------------------------
    proc(demo(), "Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao, 3 sao",
         "Classification of tourist accommodation (1 to 3 stars)", "tourism", "department", [DEPT["svhttdl"]], [
             application("Đơn đề nghị công nhận hạng", "Classification request"),
             doc("self_assessment", "Biên bản tự đánh giá chất lượng cơ sở lưu trú", "Self-assessment report",
                 "technical_dossier"),
             doc("staff", "Danh sách người quản lý và nhân viên", "List of managers and staff", "original_document"),
             doc("registration", "Giấy chứng nhận đăng ký doanh nghiệp", "Enterprise registration",
                 "enterprise_registration"),
         ], [
             text("establishment_name", "Tên cơ sở lưu trú", "Establishment name", max_length=150),
             addr("establishment_address", "Địa chỉ", "Address"),
             select("requested_rank", "Hạng đề nghị", "Requested rank", ["1_star", "2_star", "3_star"]),
             number("rooms", "Số buồng", "Number of rooms", 1, 2000),
         ], "30 calendar_days", fee(1500000, "Phí thẩm định 1.500.000–2.000.000 đồng tùy hạng (mức demo)",
                                    "Appraisal fee 1.5–2 million VND by rank (demo amount)"), "partial",
         ("decision", "Quyết định công nhận hạng cơ sở lưu trú du lịch", "Classification decision"),
         "Luật Du lịch 2017; Nghị định 168/2017/NĐ-CP; Thông tư 06/2017/TT-BVHTTDL", eligible=True)

    proc(demo(), "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", "Domestic tour operator licence", "tourism",
         "department", [DEPT["svhttdl"]], [
             application("Đơn đề nghị cấp giấy phép", "Licence application"),
             doc("registration", "Giấy chứng nhận đăng ký doanh nghiệp", "Enterprise registration",
                 "enterprise_registration"),
             doc("deposit", "Giấy chứng nhận ký quỹ kinh doanh lữ hành", "Proof of the tour operator deposit",
                 "original_document"),
             doc("manager", "Văn bằng, chứng chỉ của người phụ trách kinh doanh", "Diploma of the person in charge",
                 "diploma"),
         ], [
             text("enterprise_name", "Tên doanh nghiệp", "Enterprise name", max_length=200), tax(),
             full_name("manager_full_name", "Người phụ trách kinh doanh lữ hành", "Person in charge"),
         ], "10 working_days", fee(3000000, "Phí thẩm định (mức demo)", "Appraisal fee (demo amount)"), "full",
         ("licence", "Giấy phép kinh doanh dịch vụ lữ hành nội địa", "Domestic tour operator licence"),
         "Luật Du lịch 2017; Nghị định 168/2017/NĐ-CP")

    proc(demo(), "Cấp thẻ hướng dẫn viên du lịch nội địa", "Domestic tour guide card", "tourism", "department",
         [DEPT["svhttdl"]], [
             application("Đơn đề nghị cấp thẻ hướng dẫn viên", "Tour guide card application"),
             doc("health", "Giấy chứng nhận sức khỏe", "Health certificate", "health_certificate"),
             doc("diploma", "Văn bằng hoặc chứng chỉ nghiệp vụ hướng dẫn du lịch", "Tour guiding diploma", "diploma"),
             doc("photo", "Hai ảnh chân dung 3x4 cm", "Two 3x4 cm photos", "photo"),
         ], [
             full_name(), pid(), date("date_of_birth", "Ngày sinh", "Date of birth"),
             select("languages", "Ngôn ngữ hướng dẫn", "Guiding language", ["vietnamese", "english", "chinese", "other"],
                    labels={"other": ("Ngôn ngữ khác", "Other language")}),
         ], "10 working_days", fee(650000, "Phí thẩm định (mức demo)", "Appraisal fee (demo amount)"), "full",
         ("certificate", "Thẻ hướng dẫn viên du lịch nội địa", "Domestic tour guide card"),
         "Luật Du lịch 2017; Thông tư 06/2017/TT-BVHTTDL")

    proc(demo(), "Tiếp nhận thông báo tổ chức biểu diễn nghệ thuật", "Notice of a performing arts event", "culture",
         "department", [DEPT["svhttdl"]], [
             application("Văn bản thông báo tổ chức biểu diễn nghệ thuật", "Event notice"),
             doc("programme", "Chương trình, kịch bản biểu diễn", "Programme and script", "event_plan"),
             doc("venue", "Văn bản chấp thuận của chủ địa điểm", "Venue owner's consent", "contract"),
         ], [
             text("event_name", "Tên chương trình", "Event name", max_length=200),
             addr("venue", "Địa điểm tổ chức", "Venue"),
             date("event_date", "Ngày biểu diễn", "Event date"),
             number("audience", "Số khán giả dự kiến", "Expected audience", 1, 100000),
         ], "5 working_days", FREE, "full",
         ("confirmation", "Văn bản tiếp nhận thông báo", "Acknowledgement of the notice"), "Nghị định 144/2020/NĐ-CP")

    proc(demo(), "Tiếp nhận thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn",
         "Notice of an advertisement on a billboard or banner", "culture", "department", [DEPT["svhttdl"]], [
             application("Văn bản thông báo sản phẩm quảng cáo", "Advertising notice"),
             doc("design", "Maket sản phẩm quảng cáo in màu", "Colour design of the advertisement", "photo"),
             doc("registration", "Giấy chứng nhận đăng ký kinh doanh của người quảng cáo", "Advertiser's registration",
                 "business_registration"),
             doc("site", "Sơ đồ vị trí đặt bảng quảng cáo", "Map of the billboard location", "site_plan"),
         ], [
             tax("advertiser_tax_code", "Mã số thuế người quảng cáo", "Advertiser's tax code"),
             addr("location", "Vị trí đặt quảng cáo", "Location"),
             number("quantity", "Số lượng", "Quantity", 1, 1000),
             date("from_date", "Thời gian từ", "From"), date("to_date", "Đến", "Until"),
         ], "5 working_days", FREE, "full",
         ("confirmation", "Văn bản tiếp nhận thông báo quảng cáo", "Acknowledgement of the advertising notice"),
         "Luật Quảng cáo 2012; Nghị định 181/2013/NĐ-CP")

    # ---- Home affairs (department) --------------------------------------------------------------
    proc(demo(), "Cấp giấy phép lao động cho người lao động nước ngoài", "Work permit for a foreign worker",
         "labour", "department", [DEPT["snv"]], [
             application("Văn bản đề nghị cấp giấy phép lao động", "Work permit request"),
             doc("health", "Giấy chứng nhận sức khỏe", "Health certificate", "health_certificate"),
             doc("criminal_record", "Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải người phạm tội",
                 "Criminal record certificate", "criminal_record"),
             doc("qualification", "Văn bằng chứng minh trình độ chuyên môn", "Proof of qualifications", "diploma"),
             doc("photo", "Hai ảnh màu 4x6 cm", "Two 4x6 cm colour photos", "photo"),
         ], [
             full_name("worker_full_name", "Họ tên người lao động", "Worker's name"),
             text("passport_number", "Số hộ chiếu", "Passport number", max_length=20),
             text("nationality", "Quốc tịch", "Nationality", max_length=60),
             tax("employer_tax_code", "Mã số thuế người sử dụng lao động", "Employer's tax code"),
             select("position", "Vị trí công việc", "Position", ["manager", "executive", "expert", "technician"]),
         ], "10 working_days", fee(600000, PROVINCE_FEE_VI + " (mức demo)", PROVINCE_FEE_EN + " (demo amount)"),
         "full", ("licence", "Giấy phép lao động", "Work permit"),
         "Bộ luật Lao động 2019; Nghị định 152/2020/NĐ-CP; Nghị định 70/2023/NĐ-CP")

    proc(demo(), "Phê duyệt điều lệ hội", "Approval of an association's charter", "associations", "department",
         [DEPT["snv"]], [
             application("Đơn đề nghị phê duyệt điều lệ hội", "Application"),
             doc("charter", "Điều lệ và biên bản thông qua điều lệ", "Charter and minutes adopting it",
                 "organisation_charter"),
             doc("congress", "Nghị quyết đại hội", "Resolution of the congress", "original_document"),
         ], [
             text("association_name", "Tên hội", "Association name", max_length=200),
             full_name("chair_full_name", "Chủ tịch hội", "Chair"),
             number("members", "Số hội viên", "Number of members", 10, 1000000),
         ], "30 working_days", FREE, "partial",
         ("decision", "Quyết định phê duyệt điều lệ hội", "Decision approving the charter"), "Nghị định 126/2024/NĐ-CP",
         eligible=True)

    # ---- Science and technology (department) ----------------------------------------------------
    proc(demo(), "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
         "Registration certificate for a science and technology organisation", "science", "department",
         [DEPT["skhcn"]], [
             application("Đơn đăng ký hoạt động khoa học và công nghệ", "Registration application"),
             doc("establishment", "Quyết định thành lập tổ chức", "Establishment decision", "original_document"),
             doc("charter", "Điều lệ tổ chức và hoạt động", "Charter", "organisation_charter"),
             doc("staff", "Danh sách nhân lực khoa học và công nghệ", "List of research staff", "diploma"),
         ], [
             text("organisation_name", "Tên tổ chức", "Organisation name", max_length=200),
             addr("head_office", "Trụ sở chính", "Head office"),
             multiline("fields", "Lĩnh vực hoạt động", "Fields of activity"),
         ], "15 working_days", FREE, "full",
         ("certificate", "Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", "Registration certificate"),
         "Luật Khoa học và Công nghệ 2013; Nghị định 08/2014/NĐ-CP")

    proc(demo(), "Cấp giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán trong y tế)",
         "Licence to operate medical diagnostic X-ray equipment", "science", "department", [DEPT["skhcn"]], [
             application("Đơn đề nghị cấp giấy phép", "Licence application"),
             doc("safety", "Báo cáo đánh giá an toàn bức xạ", "Radiation safety assessment", "technical_dossier"),
             doc("officer", "Chứng chỉ nhân viên bức xạ", "Radiation worker certificates", "professional_certificate"),
             doc("inspection", "Biên bản kiểm định thiết bị", "Equipment inspection report", "technical_dossier"),
         ], [
             text("facility_name", "Tên cơ sở", "Facility name", max_length=150), tax(),
             number("devices", "Số thiết bị X-quang", "Number of X-ray devices", 1, 50),
         ], "15 working_days", fee(2000000, "Phí thẩm định (mức demo)", "Appraisal fee (demo amount)"), "partial",
         ("licence", "Giấy phép tiến hành công việc bức xạ", "Radiation work licence"),
         "Luật Năng lượng nguyên tử 2008; Nghị định 142/2020/NĐ-CP", eligible=True)

    # ---- Ethnic and religious affairs (department) ----------------------------------------------
    proc(demo(), "Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký",
         "Request to hold a religious ceremony outside a registered place of worship", "religion", "department",
         [DEPT["sdttg"]], [
             application("Văn bản đề nghị tổ chức cuộc lễ", "Request letter"),
             doc("plan", "Chương trình, nội dung cuộc lễ", "Programme of the ceremony", "event_plan"),
             doc("venue", "Văn bản đồng ý của chủ địa điểm", "Venue owner's consent", "contract"),
         ], [
             text("organisation", "Tổ chức tôn giáo", "Religious organisation", max_length=200),
             text("ceremony_name", "Tên cuộc lễ", "Ceremony"),
             addr("venue", "Địa điểm", "Venue"),
             date("ceremony_date", "Ngày tổ chức", "Date"),
             number("participants", "Số người tham dự dự kiến", "Expected participants", 1, 100000),
         ], "15 working_days", FREE, "partial",
         ("decision", "Văn bản chấp thuận tổ chức cuộc lễ", "Approval of the ceremony"),
         "Luật Tín ngưỡng, tôn giáo 2016; Nghị định 95/2023/NĐ-CP", eligible=True)

    proc(demo(), "Đăng ký người được bổ nhiệm, bầu cử, suy cử làm chức việc của tổ chức tôn giáo",
         "Registration of an appointed religious dignitary", "religion", "department", [DEPT["sdttg"]], [
             application("Văn bản đăng ký người được bổ nhiệm, bầu cử, suy cử", "Registration letter"),
             doc("cv", "Sơ yếu lý lịch của người được bổ nhiệm", "CV of the appointee", "original_document"),
             doc("criminal_record", "Phiếu lý lịch tư pháp", "Criminal record certificate", "criminal_record"),
         ], [
             text("organisation", "Tổ chức tôn giáo", "Religious organisation", max_length=200),
             full_name("appointee_full_name", "Người được bổ nhiệm", "Appointee"),
             pid("appointee_personal_id", "Số định danh cá nhân người được bổ nhiệm", "Appointee's ID number"),
             text("position", "Chức việc", "Position"),
         ], "20 working_days", FREE, "partial",
         ("confirmation", "Văn bản trả lời đăng ký", "Reply to the registration"),
         "Luật Tín ngưỡng, tôn giáo 2016; Nghị định 95/2023/NĐ-CP", eligible=True)

    # ---- Inter-agency bundles (liên thông) ------------------------------------------------------
    proc(demo(), "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
         "Birth registration, permanent residence and health insurance card for a child under 6 (inter-agency)",
         "civil", "inter_agency", C, [
             application("Tờ khai điện tử liên thông", "Combined electronic form"),
             doc("birth_notice", "Giấy chứng sinh", "Birth notice", "birth_notice"),
             doc("legal_residence", "Giấy tờ chứng minh chỗ ở hợp pháp (nếu đăng ký thường trú nơi khác với cha, mẹ)",
                 "Proof of lawful accommodation (if not living with the parents)", "land_use_certificate", False),
             identity(),
         ], [
             full_name("child_full_name", "Họ, chữ đệm và tên của trẻ", "Child's full name"),
             date("child_date_of_birth", "Ngày sinh của trẻ", "Child's date of birth"),
             select("child_gender", "Giới tính của trẻ", "Child's sex", GENDERS),
             pid("mother_personal_id", "Số định danh cá nhân của mẹ", "Mother's personal identification number"),
             addr("residence_address", "Nơi đăng ký thường trú của trẻ", "Child's permanent address"),
         ], "5 working_days", fee(0, "Miễn lệ phí", "Free"), "full",
         ("certificate", "Giấy khai sinh, xác nhận thường trú và thẻ bảo hiểm y tế",
          "Birth certificate, residence confirmation and health insurance card"),
         "Luật Hộ tịch 2014; Luật Cư trú 2020; Luật Bảo hiểm y tế 2008 (sửa đổi, bổ sung 2024); Nghị định 63/2024/NĐ-CP",
         inter=[(DEPT["cat"], 840, "Đăng ký thường trú (cơ quan công an)", "Permanent residence (police)"),
                (DEPT["bhxh"], 840, "Cấp thẻ bảo hiểm y tế (cơ quan bảo hiểm xã hội)",
                 "Health insurance card (social security)")])

    proc(demo(), "Liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ mai táng",
         "Death registration, removal from permanent residence and funeral benefit (inter-agency)", "civil",
         "inter_agency", C, [
             application("Tờ khai điện tử liên thông", "Combined electronic form"),
             doc("death_notice", "Giấy báo tử", "Death notice", "death_notice"),
             identity(),
         ], [
             full_name("deceased_full_name", "Họ tên người chết", "Name of the deceased"),
             pid("deceased_personal_id", "Số định danh cá nhân người chết", "ID number of the deceased"),
             date("date_of_death", "Ngày chết", "Date of death"),
             select("benefit", "Chế độ đề nghị", "Benefit requested",
                    ["social_insurance_funeral", "social_assistance_funeral", "none"]),
         ], "10 working_days", FREE, "full",
         ("certificate", "Trích lục khai tử và quyết định hưởng chế độ mai táng",
          "Death extract and funeral benefit decision"),
         "Luật Hộ tịch 2014; Luật Cư trú 2020; Luật Bảo hiểm xã hội 2024; Nghị định 63/2024/NĐ-CP",
         inter=[(DEPT["cat"], 960, "Xóa đăng ký thường trú (cơ quan công an)", "Removal from permanent residence (police)"),
                (DEPT["bhxh"], 960, "Giải quyết chế độ mai táng (cơ quan bảo hiểm xã hội)",
                 "Funeral benefit (social security)")])

    proc(demo(), "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (chuyển nhượng, tặng cho, thừa kế)",
         "Land change registration (transfer, gift, inheritance) with the tax step", "land", "inter_agency",
         [DEPT["snnmt"]], [
             application("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (mẫu 11/ĐK)",
                         "Land change registration form (11/ĐK)"),
             doc("land", "Bản gốc Giấy chứng nhận đã cấp", "The original land use certificate", "land_use_certificate"),
             doc("contract", "Hợp đồng, văn bản về chuyển quyền đã công chứng, chứng thực",
                 "Notarised transfer contract or deed", "contract"),
             doc("tax", "Tờ khai lệ phí trước bạ, thuế thu nhập cá nhân", "Registration fee and income tax declarations",
                 "tax_declaration"),
         ], [
             full_name("transferor", "Bên chuyển quyền", "Transferor"),
             full_name("transferee", "Bên nhận chuyển quyền", "Transferee"),
             pid("transferee_personal_id", "Số định danh cá nhân bên nhận", "Transferee's ID number"),
             text("parcel", "Thửa đất số, tờ bản đồ số", "Parcel and map sheet", max_length=50),
             select("change_kind", "Loại biến động", "Kind of change", ["transfer", "gift", "inheritance"]),
         ], "10 working_days", fee(100000, PROVINCE_FEE_VI + " (lệ phí cấp giấy chứng nhận; thuế, lệ phí trước bạ nộp riêng)",
                                   PROVINCE_FEE_EN + " (certificate fee; taxes are paid separately)"), "partial",
         ("certificate", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
          "Land use right certificate"), DD, eligible=True,
         inter=[(DEPT["thue"], 1440, "Xác định nghĩa vụ tài chính (cơ quan thuế)", "Tax assessment (tax office)")])

    proc(demo(), "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân",
         "First registration and land use certificate for households and individuals", "land", "inter_agency",
         [DEPT["snnmt"]], [
             application("Đơn đăng ký đất đai, tài sản gắn liền với đất (mẫu 04/ĐK)", "Land registration form (04/ĐK)"),
             doc("origin", "Giấy tờ về quyền sử dụng đất (nếu có)", "Documents on the land use right (if any)",
                 "land_use_certificate", False),
             doc("site_plan", "Mảnh trích đo địa chính thửa đất", "Cadastral survey of the parcel", "site_plan"),
             identity(),
         ], [
             full_name("land_user", "Người sử dụng đất", "Land user"), pid(),
             text("parcel", "Thửa đất số, tờ bản đồ số", "Parcel and map sheet", max_length=50),
             number("area", "Diện tích (m²)", "Area (m²)", 1, 1000000),
             select("land_use", "Mục đích sử dụng", "Land use", ["residential", "agricultural", "forest", "aquaculture"]),
         ], "20 working_days", fee(100000, PROVINCE_FEE_VI, PROVINCE_FEE_EN), "partial",
         ("certificate", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
          "Land use right certificate"), DD, eligible=True,
         inter=[(DEPT["thue"], 1920, "Xác định nghĩa vụ tài chính (cơ quan thuế)", "Tax assessment (tax office)")])

    # ---- Province level -------------------------------------------------------------------------
    proc(demo(), "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Certificate of merit of the Provincial Chair",
         "emulation", "province", [PROVINCE], [
             application("Tờ trình đề nghị khen thưởng", "Award proposal"),
             doc("report", "Báo cáo thành tích", "Report of achievements", "original_document"),
             doc("minutes", "Biên bản họp Hội đồng thi đua, khen thưởng", "Minutes of the emulation council",
                 "original_document"),
         ], [
             text("nominee", "Tập thể/cá nhân được đề nghị", "Nominee", max_length=200),
             select("nominee_kind", "Loại đối tượng", "Nominee kind", ["individual", "collective", "household"]),
             multiline("achievement", "Thành tích", "Achievement"),
         ], "20 working_days", FREE, "partial",
         ("decision", "Quyết định tặng Bằng khen", "Award decision"),
         "Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP", eligible=True)

    proc(demo(), "Giao đất, cho thuê đất đối với tổ chức", "Land allocation or lease to an organisation", "land",
         "province", [PROVINCE], [
             application("Đơn xin giao đất, cho thuê đất", "Land allocation or lease application"),
             doc("investment", "Văn bản chấp thuận chủ trương đầu tư hoặc giấy chứng nhận đăng ký đầu tư",
                 "Investment approval or registration certificate", "enterprise_registration"),
             doc("site_plan", "Trích lục bản đồ địa chính khu đất", "Cadastral map extract", "site_plan"),
         ], [
             text("organisation", "Tên tổ chức", "Organisation", max_length=200), tax(),
             addr("site", "Vị trí khu đất", "Location"),
             number("area", "Diện tích (m²)", "Area (m²)", 1, 1e8),
             select("form", "Hình thức", "Form", ["allocation", "annual_lease", "lump_sum_lease"]),
         ], "20 working_days", FREE, "partial",
         ("decision", "Quyết định giao đất, cho thuê đất", "Land allocation or lease decision"),
         "Luật Đất đai 2024; Nghị định 102/2024/NĐ-CP", eligible=True)

    proc(demo(), "Chấp thuận chủ trương đầu tư của Ủy ban nhân dân tỉnh", "Investment policy approval by the province",
         "investment", "province", [PROVINCE], [
             application("Văn bản đề nghị thực hiện dự án đầu tư", "Investment request"),
             doc("proposal", "Đề xuất dự án đầu tư", "Project proposal", "project_proposal"),
             doc("investor", "Tài liệu về tư cách pháp lý của nhà đầu tư", "Investor's legal documents",
                 "enterprise_registration"),
             doc("finance", "Tài liệu chứng minh năng lực tài chính", "Proof of financial capacity", "original_document"),
         ], [
             text("project_name", "Tên dự án", "Project name", max_length=200),
             tax("investor_tax_code", "Mã số thuế nhà đầu tư", "Investor's tax code"),
             number("total_investment", "Tổng vốn đầu tư (đồng)", "Total investment (VND)", 1000000, 1e14),
         ], "35 calendar_days", FREE, "none",
         ("decision", "Quyết định chấp thuận chủ trương đầu tư", "Investment policy approval"),
         "Luật Đầu tư 2020; Nghị định 31/2021/NĐ-CP")

    return PROCEDURES


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------

UNIT_CODE = re.compile(r"^[0-9A-Z]{3}\.[0-9]{2}\.[0-9]{2}\.H40$")
KINDS = {"province", "ministry", "department", "commune", "district", "service_centre", "vertical_office"}
ROLES = {"citizen", "reception", "specialist", "leader", "clerk", "auditor", "admin", "unit_admin"}
FIELD_TYPES = {"text", "multiline", "number", "date", "select", "boolean", "email", "phone", "personal_id", "tax_code"}
STEP_ORDER = ["receive", "transfer", "appraise", "inter_agency", "approve", "issue"]
LIMIT = re.compile(r"^(same_day|[1-9][0-9]* (working_days|working_hours|calendar_days))$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
VI_MARKS = re.compile(r"[^\x00-\x7f]")


# Keys that synthesized Codable requires (non-optional properties) and allows, per Swift type.
SCHEMA = {
    "unit": ({"code", "name", "kind", "successors", "predecessors"}, {"parent", "effectiveFrom", "effectiveTo"}),
    "procedure": ({"code", "version", "name", "topic", "level", "competentUnits", "documents", "form", "timeLimit",
                   "fee", "onlineLevel", "fullOnlineEligible", "process", "resultKind", "resultName", "legalBasis"},
                  {"effectiveFrom"}),
    "fee": ({"amount", "freeOnline"}, {"description"}),
    "document": ({"id", "name", "documentType", "required"}, set()),
    "field": ({"name", "label", "type", "required"}, {"maxLength", "minimum", "maximum", "options", "optionLabels"}),
    "step": ({"id", "name", "role", "allottedMinutes", "interAgency"}, {"unit"}),
    "officer": ({"username", "fullName", "roles"}, set()),
    "citizen": ({"kind", "identifier", "fullName"}, {"username", "phone", "address"}),
}


def validate(data):
    problems = []

    def check(condition, message):
        if not condition:
            problems.append(message)

    def shape(obj, kind, where):
        required, optional = SCHEMA[kind]
        keys = set(obj)
        check(required <= keys, "%s: missing keys %s" % (where, required - keys))
        check(keys <= required | optional, "%s: unknown keys %s" % (where, keys - required - optional))

    check(set(data) == {"instanceName", "tenant", "units", "officers", "citizens", "procedures"}, "top-level keys")
    for u in data["units"]:
        shape(u, "unit", "unit %s" % u.get("code"))
    for o in data["officers"]:
        shape(o, "officer", "officer %s" % o.get("username"))
        for r in o["roles"]:
            check(set(r) == {"role", "unit"}, "officer %s: role keys" % o.get("username"))
    for c in data["citizens"]:
        shape(c, "citizen", "citizen %s" % c.get("identifier"))
    for p in data["procedures"]:
        where = "procedure %s" % p.get("code")
        shape(p, "procedure", where)
        shape(p["fee"], "fee", where + " fee")
        check(set(p["form"]) == {"fields"}, where + ": form keys")
        for d in p["documents"]:
            shape(d, "document", where + " document")
        for f in p["form"]["fields"]:
            shape(f, "field", where + " field")
            check(all(isinstance(f.get(k, 0.0), float) for k in ("minimum", "maximum")), where + ": Double bounds")
            check(isinstance(f.get("maxLength", 0), int), where + ": Int maxLength")
        for s in p["process"]:
            shape(s, "step", where + " step")
            check(type(s["allottedMinutes"]) is int, where + ": Int minutes")
    if problems:
        return problems  # the detailed checks below assume the shape is right

    def vi_text(value, where, strict=True):
        check(isinstance(value, dict) and set(value) == {"vi", "en"}, "%s: not a LocalizedText" % where)
        check(value["vi"] == unicodedata.normalize("NFC", value["vi"]), "%s: Vietnamese text not NFC" % where)
        check(value["vi"].strip() != "" and value["en"].strip() != "", "%s: empty text" % where)
        if strict:
            check(VI_MARKS.search(value["vi"]) is not None, "%s: Vietnamese text without diacritics: %r" % (where, value["vi"]))

    units = data["units"]
    codes = [u["code"] for u in units]
    check(len(codes) == len(set(codes)), "duplicate unit codes")
    by_code = {u["code"]: u for u in units}
    check(data["tenant"] in by_code and by_code[data["tenant"]]["kind"] == "province", "tenant is not the province")
    for u in units:
        where = "unit %s" % u["code"]
        check(UNIT_CODE.match(u["code"]) is not None, "%s: malformed code" % where)
        check(u["kind"] in KINDS, "%s: unknown kind" % where)
        check(("parent" in u) == (u["kind"] != "province"), "%s: parent presence" % where)
        check(u.get("parent") is None or u["parent"] in by_code, "%s: parent missing" % where)
        vi_text(u["name"], where)
        check(u["name"]["vi"].startswith(("Ủy ban", "Sở ", "Công an", "Bảo hiểm", "Thuế", "Trung tâm")),
              "%s: odd name" % where)
        for key in ("effectiveFrom", "effectiveTo"):
            check(key not in u or DATE.match(u[key]), "%s: bad %s" % (where, key))
        check(isinstance(u["successors"], list) and isinstance(u["predecessors"], list), "%s: links" % where)
        for s in u["successors"]:
            check(s in by_code and u["code"] in by_code[s]["predecessors"], "%s: successor %s not mirrored" % (where, s))
        for p in u["predecessors"]:
            check(p in by_code and u["code"] in by_code[p]["successors"], "%s: predecessor %s not mirrored" % (where, p))
        check(bool(u["successors"]) == ("effectiveTo" in u), "%s: ended units need successors" % where)

    usernames = [o["username"] for o in data["officers"]] + [c["username"] for c in data["citizens"] if "username" in c]
    check(len(usernames) == len(set(usernames)), "duplicate usernames")
    for name in usernames:
        check(re.match(r"^[a-z0-9.]+$", name) is not None, "username not ASCII: %s" % name)
    for o in data["officers"]:
        check(o["roles"], "officer %s has no roles" % o["username"])
        check(o["fullName"] == unicodedata.normalize("NFC", o["fullName"]), "officer name not NFC")
        for r in o["roles"]:
            check(r["role"] in ROLES, "officer %s: unknown role" % o["username"])
            check(r["unit"] in by_code, "officer %s: unknown unit %s" % (o["username"], r["unit"]))
            check("effectiveTo" not in by_code.get(r["unit"], {}), "officer %s: role at a historical unit" % o["username"])
    # Every active unit that decides dossiers has the four working roles.
    for u in units:
        if u["kind"] in ("department", "vertical_office", "commune") and "effectiveTo" not in u:
            held = {r["role"] for o in data["officers"] for r in o["roles"] if r["unit"] == u["code"]}
            check({"reception", "specialist", "leader", "clerk"} <= held, "unit %s lacks a role: %s" % (u["code"], held))
    ids = set()
    for c in data["citizens"]:
        ident = c["identifier"]
        check(ident not in ids, "duplicate identifier %s" % ident)
        ids.add(ident)
        if c["kind"] == "person":
            check(re.match(r"^022[0-3][0-9]{8}$", ident) is not None, "bad personal identifier %s" % ident)
        else:
            check(c["kind"] == "business" and re.match(r"^[0-9]{10}$", ident), "bad tax code %s" % ident)
        check(re.match(r"^0[0-9]{9,10}$", c["phone"]) is not None, "bad phone %s" % c["phone"])
        check("Quảng Ninh" in c["address"], "address outside the province")

    procedures = data["procedures"]
    check(len(procedures) >= 60, "fewer than 60 procedures")
    pcodes = [p["code"] for p in procedures]
    check(len(pcodes) == len(set(pcodes)), "duplicate procedure codes")
    for p in procedures:
        where = "procedure %s" % p["code"]
        check(re.match(r"^([0-9]\.[0-9]{6}|DEMO\.[0-9]{4})$", p["code"]) is not None, "%s: code" % where)
        check(p["version"] == 1, "%s: version" % where)
        vi_text(p["name"], where)
        vi_text(p["topic"], where, strict=False)
        vi_text(p["resultName"], where)
        check(p["level"] in ("province", "department", "commune", "inter_agency"), "%s: level" % where)
        check(p["competentUnits"], "%s: no competent unit" % where)
        for cu in p["competentUnits"]:
            if cu.startswith("kind:"):
                check(cu[5:] in KINDS, "%s: unknown kind %s" % (where, cu))
            else:
                check(cu in by_code and "effectiveTo" not in by_code[cu], "%s: unknown unit %s" % (where, cu))
        if p["level"] == "commune":
            check("kind:commune" in p["competentUnits"], "%s: commune level without kind:commune" % where)
        docs = p["documents"]
        check(1 <= len(docs) <= 5, "%s: %d documents" % (where, len(docs)))
        check(len({d["id"] for d in docs}) == len(docs), "%s: duplicate document ids" % where)
        check(any(d["required"] for d in docs), "%s: no required document" % where)
        for d in docs:
            result_of = d["documentType"][len("result:"):] if d["documentType"].startswith("result:") else None
            check(d["documentType"] in DOCUMENT_TYPES or result_of in pcodes,
                  "%s: unknown type %s" % (where, d["documentType"]))
            vi_text(d["name"], where + " document " + d["id"], strict=False)
            check(isinstance(d["required"], bool), "%s: required flag" % where)
        fields = p["form"]["fields"]
        check(2 <= len(fields) <= 6, "%s: %d fields" % (where, len(fields)))
        check(len({f["name"] for f in fields}) == len(fields), "%s: duplicate field names" % where)
        for f in fields:
            check(re.match(r"^[a-z][a-z0-9_]*$", f["name"]) is not None, "%s: field name %s" % (where, f["name"]))
            check(f["type"] in FIELD_TYPES, "%s: field type %s" % (where, f["type"]))
            vi_text(f["label"], where + " field " + f["name"], strict=False)
            if f["type"] == "select":
                check(bool(f.get("options")), "%s: select %s without options" % (where, f["name"]))
                check(len(set(f.get("options") or [])) == len(f.get("options") or []), "%s: duplicate options" % where)
                labels = f.get("optionLabels")
                if not isinstance(labels, dict):
                    check(False, "%s: select %s without optionLabels" % (where, f["name"]))
                else:
                    check(set(labels) == set(f.get("options") or []),
                          "%s: optionLabels of %s do not match its options (missing %s, extra %s)" % (
                              where, f["name"], sorted(set(f.get("options") or []) - set(labels)),
                              sorted(set(labels) - set(f.get("options") or []))))
                    for value, label in labels.items():
                        label_where = "%s field %s option %s" % (where, f["name"], value)
                        if isinstance(label, dict) and set(label) == {"vi", "en"} and \
                                all(isinstance(label[k], str) for k in ("vi", "en")):
                            vi_text(label, label_where, strict=False)
                        else:
                            check(False, "%s: not a LocalizedText" % label_where)
            else:
                check("options" not in f, "%s: options on a non-select field" % where)
                check("optionLabels" not in f, "%s: optionLabels on a non-select field" % where)
            if f["type"] == "number":
                check(f["minimum"] <= f["maximum"], "%s: bounds" % where)
        check(LIMIT.match(p["timeLimit"]) is not None, "%s: time limit %r" % (where, p["timeLimit"]))
        check(isinstance(p["fee"]["amount"], int) and p["fee"]["amount"] >= 0, "%s: fee" % where)
        check(isinstance(p["fee"]["freeOnline"], bool), "%s: freeOnline" % where)
        check(p["onlineLevel"] in ("full", "partial", "none"), "%s: online level" % where)
        check(p["onlineLevel"] != "full" or p["fullOnlineEligible"], "%s: full online must be eligible" % where)
        check(p["onlineLevel"] != "none" or not p["fullOnlineEligible"], "%s: offline yet eligible" % where)
        check(p["resultKind"] in ("certificate", "licence", "decision", "extract", "copy", "confirmation",
                                  "registration"), "%s: result kind" % where)
        check(VI_MARKS.search(p["legalBasis"]) is not None, "%s: legal basis" % where)
        steps = p["process"]
        ids_ = [s["id"] for s in steps]
        order = [STEP_ORDER.index(i) if i in STEP_ORDER else -1 for i in ids_]
        check(-1 not in order and order == sorted(order), "%s: step order %s" % (where, ids_))
        check([i for i in ids_ if i != "inter_agency"] == ["receive", "transfer", "appraise", "approve", "issue"],
              "%s: steps %s" % (where, ids_))
        has_inter = "inter_agency" in ids_
        check(has_inter == (p["level"] == "inter_agency"), "%s: inter-agency steps vs level" % where)
        inter_minutes = {s["allottedMinutes"] for s in steps if s["id"] == "inter_agency"}
        check(len(inter_minutes) <= 1, "%s: inter_agency steps must share one allotment (looked up by id)" % where)
        for s in steps:
            check(s["role"] == STEP_ROLES[s["id"]], "%s: role of %s" % (where, s["id"]))
            check(s["allottedMinutes"] > 0, "%s: minutes" % where)
            check(s["interAgency"] == (s["id"] == "inter_agency"), "%s: interAgency flag" % where)
            if "unit" in s:
                check(s["unit"] in by_code, "%s: step unit %s" % (where, s["unit"]))
                check(s["unit"] not in p["competentUnits"], "%s: other agency equals the competent unit" % where)
            check(s["id"] != "inter_agency" or "unit" in s, "%s: inter-agency step without unit" % where)
            vi_text(s["name"], where + " step", strict=False)
        total = sum(s["allottedMinutes"] for s in steps)
        if LIMIT.match(p["timeLimit"]):
            check(total == office_minutes(p["timeLimit"]), "%s: minutes %d vs limit %s" % (where, total, p["timeLimit"]))
    return problems


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

def render_json(data):
    """Compact JSON, one unit/officer/citizen/procedure per line."""
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    lines = ["{"]
    lines.append('"instanceName":%s,' % dump(data["instanceName"]))
    lines.append('"tenant":%s,' % dump(data["tenant"]))
    keys = ["units", "officers", "citizens", "procedures"]
    for index, key in enumerate(keys):
        lines.append('"%s":[' % key)
        items = data[key]
        for i, item in enumerate(items):
            lines.append(dump(item) + ("," if i < len(items) - 1 else ""))
        lines.append("]" + ("," if index < len(keys) - 1 else ""))
    lines.append("}")
    return "\n".join(lines)


def render_swift(json_text):
    for forbidden in ('"""#', "\\#", "\r", "\t"):
        if forbidden in json_text:
            raise SystemExit("the JSON contains %r, which would break the Swift raw string" % forbidden)
    body = "\n".join("    " + line for line in json_text.split("\n"))
    return ("// swift-format-ignore-file\n"
            "/// The demo province of demo-data.md as JSON (generated by scripts/demo-province.py; do not edit by hand).\n"
            "enum DemoProvinceData {\n"
            "    static let json = #\"\"\"\n"
            "%s\n"
            "    \"\"\"#\n"
            "}\n" % body)


def extract_json(swift_text):
    """Reads the JSON back out of the Swift file the way the Swift compiler would."""
    start = swift_text.index('#"""\n') + len('#"""\n')
    end = swift_text.index('\n    """#')
    lines = swift_text[start:end].split("\n")
    assert all(line.startswith("    ") for line in lines if line), "indentation"
    return json.loads("\n".join(line[4:] for line in lines))


def build():
    names = Names(20250701)
    return {
        "instanceName": "Quảng Ninh (demo)",
        "tenant": PROVINCE,
        "units": build_units(),
        "officers": build_officers(names),
        "citizens": build_citizens(names),
        "procedures": build_catalogue(),
    }


def summary(data, size):
    from collections import Counter
    out = []
    units = data["units"]
    active = Counter(u["kind"] for u in units if "effectiveTo" not in u)
    historical = Counter(u["kind"] for u in units if "effectiveTo" in u)
    out.append("units: %d (active %s; historical %s)" % (len(units), dict(active), dict(historical)))
    roles = Counter(r["role"] for o in data["officers"] for r in o["roles"])
    out.append("officers: %d; role assignments %s" % (len(data["officers"]), dict(roles)))
    kinds = Counter(c["kind"] for c in data["citizens"])
    logins = [c["username"] for c in data["citizens"] if "username" in c]
    out.append("citizens: %s; logins %s" % (dict(kinds), ", ".join(logins)))
    procs = data["procedures"]
    out.append("procedures: %d; by level %s; by online level %s; national codes %d, demo codes %d" % (
        len(procs), dict(Counter(p["level"] for p in procs)), dict(Counter(p["onlineLevel"] for p in procs)),
        sum(1 for p in procs if not p["code"].startswith("DEMO")), sum(1 for p in procs if p["code"].startswith("DEMO"))))
    out.append("fully online eligible: %d; free: %d" % (sum(p["fullOnlineEligible"] for p in procs),
                                                      sum(1 for p in procs if p["fee"]["amount"] == 0)))
    out.append("Swift file: %d bytes" % size)
    return "\n".join(out)


def main(argv):
    data = build()
    problems = validate(data)
    if problems:
        print("\n".join("INVALID: " + p for p in problems), file=sys.stderr)
        return 1
    json_text = render_json(data)
    swift = render_swift(json_text)
    if extract_json(swift) != data:
        print("INVALID: the Swift file does not round-trip", file=sys.stderr)
        return 1
    if "--json" in argv:
        with open(argv[argv.index("--json") + 1], "w", encoding="utf-8") as handle:
            handle.write(json_text + "\n")
    if "--check" in argv:
        with open(SWIFT_OUT, encoding="utf-8") as handle:
            if handle.read() != swift:
                print("DemoProvinceData.swift is out of date: run scripts/demo-province.py", file=sys.stderr)
                return 1
    else:
        os.makedirs(os.path.dirname(SWIFT_OUT), exist_ok=True)
        with open(SWIFT_OUT, "w", encoding="utf-8") as handle:
            handle.write(swift)
    print(summary(data, len(swift.encode("utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
