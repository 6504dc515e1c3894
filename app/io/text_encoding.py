"""Which text encoding a contacts file is in.

In order: a byte order mark; UTF-16 only with a BOM or the NUL pattern of UTF-16 text; strict UTF-8; then a
choice among GB18030, Big5 and cp1252 by how plausible the decoded text is — not by whether the bytes decode,
since almost any cp1252 or Big5 bytes are also valid GB18030. Plausibility is charset-normalizer's chaos score
(lower is better) plus what the columns of an address book should hold: common Chinese characters for names
and titles in GB18030 and Big5, Latin letters with their accents in cp1252.
"""

from __future__ import annotations

import codecs
import re

from app.io.report import ImportRefused

CANDIDATES = ("gb18030", "big5", "cp1252")
# The most frequent characters of Chinese names, titles and departments, in both scripts.
_COMMON_SIMPLIFIED = set("的一是在不了有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同"
                          "工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二"
                          "理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那"
                          "社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条"
                          "只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次"
                          "品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几"
                          "九区强放决西被干做必战先回则任取据处理世车张王李刘陈杨黄赵吴周徐孙马朱胡郭何高林"
                          "罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
                          "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
                          "汤伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲建国志宇浩经理总"
                          "监主任工程师技术信息部销售市场财务采购人事行政办公室副董事长首席官执行运营研发产"
                          "品客户服务中心集团有限公司科")
_COMMON_TRADITIONAL = set("的一是在不了有人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同"
                           "工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二"
                           "理起小物現實加量都兩體制機當使點從業本去把張王李劉陳楊黃趙吳周徐孫馬朱胡郭何高林"
                           "羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔣蔡余杜葉程蘇魏呂丁沈姚盧偉芳娜敏靜麗強磊軍"
                           "洋勇艷傑娟濤明超秀霞平剛桂英華玉蘭萍紅鵬輝玲建國志宇浩經理總監主任工程師技術資訊"
                           "部銷售市場財務採購人事行政辦公室副董事長首席官執行營運研發產品客戶服務中心集團有"
                           "限公司科職稱電郵件")
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]")
_LATIN_ACCENTED = re.compile(r"[À-ÖØ-öø-ÿ]")
_ODD_LATIN = re.compile(r"[\x80-\x9f¡-¿×÷ƒ\u2020-\u2030\u02c6\u02dc\u0152\u0153\u0160\u0161\u0178\u017d\u017e]")


def _bom(sample: bytes) -> str | None:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if sample.startswith(bom):
            return name
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text of mostly ASCII (headers, e-mails, digits) has a NUL in every other byte."""
    head = sample[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _valid_utf8(sample: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return True
    except UnicodeDecodeError:
        return False


def plausibility(text: str, encoding: str) -> float:
    """Higher is likelier: the share of the non-ASCII characters that an address book would hold."""
    unusual = [c for c in text if ord(c) > 127]
    if not unusual:
        return 1.0
    if encoding == "cp1252":
        good = sum(1 for c in unusual if _LATIN_ACCENTED.match(c))
        bad = sum(1 for c in unusual if _ODD_LATIN.match(c))
        return (good - 2 * bad) / len(unusual)
    common = _COMMON_SIMPLIFIED if encoding == "gb18030" else _COMMON_TRADITIONAL
    han = [c for c in unusual if "\u4e00" <= c <= "\u9fff"]
    good = sum(1 for c in han if c in common)
    rare = len(unusual) - len(han)  # Hangul, symbols, private use: not what a name or a title is made of
    return (good - rare) / len(unusual)


def _chaos(sample: bytes, encoding: str) -> float:
    try:
        from charset_normalizer import from_bytes

        found = from_bytes(sample, cp_isolation=[encoding]).best()
    except Exception:  # a scorer failing must not make the file unreadable: the plausibility still decides
        return 0.0
    return found.chaos if found is not None else 1.0


def decode_candidates(sample: bytes) -> list[tuple[str, str]]:
    out = []
    for encoding in CANDIDATES:
        try:
            out.append((encoding, codecs.getincrementaldecoder(encoding)().decode(sample, final=False)))
        except UnicodeDecodeError:
            continue
    return out


def detect_encoding(sample: bytes, source: str) -> str:
    """The encoding of a text file from its first bytes; ImportRefused when nothing reads it."""
    found = _bom(sample) or _utf16_without_bom(sample)
    if found:
        return found
    if _valid_utf8(sample):
        return "utf-8"
    decoded = decode_candidates(sample)
    if not decoded:
        raise ImportRefused(source, "cannot tell the text encoding; give one with --encoding")
    scored = [(plausibility(text, enc) - 0.5 * _chaos(sample, enc), -i, enc)
              for i, (enc, text) in enumerate(decoded)]
    return max(scored)[2]


def decoded_sample(sample: bytes, encoding: str, lines: int = 5) -> str:
    """The first lines as they read in ``encoding`` (undecodable bytes shown as �), for the preview."""
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample[:8192], final=False)
    return "\n".join(text.lstrip("\ufeff").splitlines()[:lines])
