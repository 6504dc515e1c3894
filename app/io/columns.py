"""The column vocabulary: which header, in which tool's export, carries which field of a person.

One table, read top to bottom: a target field, then its headers in order of preference (the first header
present in a file that holds a value wins, so a work address beats a personal one). Headers are compared
without case, spaces or punctuation ("E-mail Address" == "emailaddress", "Reports To: Full Name" ==
"reportstofullname"). Sources: Salesforce (API names and report labels), Outlook (English and Chinese),
Google Contacts, LinkedIn, WeCom 企业微信, DingTalk 钉钉, Feishu 飞书, and plain Simplified/Traditional Chinese.
To understand a new tool's export, add its headers here.
"""

from __future__ import annotations

import re

VOCABULARY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("given", ("firstname", "givenname", "名", "名字拼音")),
    ("middle", ("middlename", "additionalname", "中间名")),
    ("family", ("lastname", "familyname", "surname", "姓")),
    ("name", ("name", "fullname", "contactname", "displayname", "contactfullname", "姓名", "名字", "联系人",
              "联系人姓名", "员工姓名", "成员姓名", "聯絡人", "員工姓名")),
    # Outlook writes both: "Title" is the salutation (Mr., Dr.) there, "Job Title" the position.
    ("job_title", ("jobtitle", "organizationtitle", "organization1title", "职位", "职务", "職稱", "職位", "職務",
                   "岗位", "头衔", "position", "designation")),
    ("title", ("title",)),
    ("department", ("department", "organizationdepartment", "organization1department", "部门", "部門",
                    "所属部门", "所在部门", "部门路径", "departments")),
    ("email", ("businessemail", "workemail", "企业邮箱", "工作邮箱", "公司邮箱", "emailaddress", "email",
               "email1value", "primaryemail", "emailaddress1", "电子邮件地址", "电子邮件", "邮箱", "电子邮箱", "邮件",
               "電子郵件", "電子郵件地址", "電郵", "郵箱", "email2address", "email2value", "email3address",
               "personalemail", "个人邮箱", "個人郵箱")),
    # English exports: the work number first; Chinese address books: the mobile first (座机 is rarely dialled).
    ("phone", ("businessphone", "workphone", "phone", "phone1value", "mobilephone", "mobile", "手机", "手机号",
               "手机号码", "移动电话", "行動電話", "手機", "商务电话", "办公电话", "联系电话", "电话", "電話",
               "公司電話", "座机", "homephone", "phone2value", "住宅电话")),
    ("role", ("buyingrole", "role", "角色", "采购角色")),
    ("stance", ("stance", "态度", "態度")),
    ("influence", ("influence", "影响力", "影響力")),
    ("notes", ("notes", "note", "description", "备注", "附注", "備註", "附註", "说明")),
    ("competitor_preference", ("competitorpreference", "倾向的竞争对手")),
    # The person's identity in the system that wrote the file.
    ("external_id", ("工号", "帐号", "账号", "userid", "用户id", "员工id", "员工编号", "成员id", "員工編號",
                     "帳號", "contactid", "salesforceid", "recordid", "externalid", "id", "编号")),
    ("ref", ("ref",)),  # our own export's reference inside the file (p12): links only, never an identity
    ("manager_key", ("reportstoid", "managerid", "直属主管工号", "直属上级工号", "上级工号", "直属上级id",
                     "直属主管userid", "managerref")),
    ("manager_name", ("reportstofullname", "reportsto", "reportstoname", "manager", "managersname",
                      "managername", "经理姓名", "经理", "直属主管", "直属上级", "直属领导", "上级", "汇报对象",
                      "直屬主管", "直屬上級", "經理姓名")),
    ("email_type", ("emailtype",)),
    ("side", ("side",)),  # our own export: "team" for a member of our team
    ("team_role", ("teamrole",)),  # Outlook: SMTP, or EX for an Exchange (X.500) address
)

LOOKUP: dict[str, tuple[str, int]] = {}
for _target, _aliases in VOCABULARY:
    for _rank, _alias in enumerate(_aliases):
        LOOKUP.setdefault(_alias, (_target, _rank))

NAME_PARTS = frozenset({"given", "family", "name"})
_PUNCT = re.compile(r"[\s_\-.:/()'’\"“”（）：]+")
# Google Contacts: "Relation 1 - Type" / "Relation 1 - Value"; the Type "Manager" names the manager.
GOOGLE_RELATION = re.compile(r"relation(\d+)(type|value)")
SALUTATIONS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "先生", "女士", "小姐", "博士",
                         "教授"})


def header_key(cell: object) -> str:
    return _PUNCT.sub("", str(cell or "").strip().lstrip("\ufeff").casefold())


def target_of(cell: object) -> tuple[str, int] | None:
    """(target field, preference rank) of a header cell, or None when the column is not ours."""
    return LOOKUP.get(header_key(cell))


def split_values(text: str) -> list[str]:
    """The values of a multi-value cell (Google's ``a ::: b``, ``;`` or one per line)."""
    parts = re.split(r"\s*:::\s*|\s*[;；\n]\s*", text)
    return [p.strip() for p in parts if p.strip()]


def first_value(text: str) -> str:
    if ":::" not in text and ";" not in text and "；" not in text and "\n" not in text:
        return text.strip()  # one value, as nearly every cell holds
    values = split_values(text)
    return values[0] if values else ""


def usable_email(text: str) -> str:
    """The first SMTP address of a cell; an Exchange X.500 address (/o=…/cn=…) is not one."""
    if "@" not in text:
        return ""
    values = [text.strip()] if not any(sep in text for sep in (":::", ";", "；", ",", "\n")) else \
        split_values(text.replace(",", ";"))
    for value in values:
        if value.lower().startswith("smtp:"):
            value = value[5:]
        if "@" in value and not value.startswith("/"):
            return value
    return ""


def department_path(text: str) -> str:
    """The first department of a cell that holds several (one per line or ';'-separated), kept as the path it
    is (总部/信息技术部/基础架构组)."""
    return first_value(text)


def is_salutation(text: str) -> bool:
    return header_key(text) in SALUTATIONS
