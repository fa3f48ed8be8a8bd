"""Round seventeen of issue 15 (the tuning corpus's entries by East Asian writers): names written in Chinese
characters, Japanese kana and Korean Hangul, which no capital marks and no word list holds ("Dr. 黃志明 said",
"Patient: 高橋 健太", "환자 이정민", "王医生 said rest", "田中さん", "김민수 씨"). Without a word list of those
languages, only the forms a second reader could not break with everyday words stay (its first look found 122
sentences made worse by wider ones: "Husband 출근했어요", "Mom 今天 feels better", "于是医生说", "本屋さん", "하느님"):

- after a title or "Patient:" of the Latin text, Chinese characters that start with a common surname's ("dr 李",
  "Dr. 黃志明"), or a Japanese surname's kanji ("Dr. 山田"); after a relation ("Mom 今天") none;
- after any person word (Latin or the same script: "Husband", "환자", "利用者", "患者"), a Korean full name of three
  syllables starting with a surname's (never one ending like a clinical word, "고혈압"), a Japanese full name with
  its space or its katakana ("高橋 健太", "佐藤ハル"), and after a person word of the same script a Chinese name
  starting with a surname's character ("患者 王小明");
- before a form of address: in Chinese a surname's character alone ("王医生", "陳經理"); in Japanese two or three
  kanji not after an honorific "ご"/"お" and not ending like a word for a trade or a role ("本屋さん", "校長先生");
  in Korean three syllables starting with a surname's before "님" ("이정민님"; never "이모부님", "조무사님"), two
  or three before "씨" ("김민수 씨"; never "마음씨", a kind heart).
The form of address itself stays ("[NAME]医生" keeps that a doctor spoke).
Plain code shared by the fast de-identifier and the reference one (deid_cued.cued_candidates).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.vocabulary import fold

Add = Callable[[tuple[str, int, int]], None]

_HAN = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KATAKANA = "\u30a0-\u30ff"
_KANA = "\u3040-\u30ff"
_HANGUL = "\uac00-\ud7af"
_ANY = re.compile(f"[{_HAN}{_KANA}{_HANGUL}]")
# the hundred commonest Chinese surnames (simplified and traditional)
_CHINESE_SURNAMES = frozenset(
    "王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧田董袁潘"
    "于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦付方白鄒邹孟熊秦邱江尹薛閻阎段雷"
    "侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔向湯汤歐欧")
# and the first kanji of the commonest Japanese surnames, read only after a title ("Dr. 山田"); not those that start
# everyday words most (今, 前, 新, 和, 三, 長, 上, 水)
_FIRST_KANJI = _CHINESE_SURNAMES | frozenset(
    "佐鈴渡伊山加吉松井木斎斉清森池橋阿藤岡村坂遠青福竹近丸川菅宮増桜柴横宇杉服河須島浅荒秋菊岩沢澤堀浜濱")
# surnames' characters that end or are everyday words before a form of address ("我向医生", "于是医生", "任何医生")
_NOT_ALONE = frozenset("向于何")
# the commonest Korean surnames' syllables (not the rare ones that start everyday words: 어, 인, 제, 모, 국)
_KOREAN_SURNAMES = ("김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽"
                    "성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금")
# the last syllables of Korean words for a relative or a role before "님" ("이모부님", "조무사님", "전공의님")
_KOREAN_ROLE_ENDS = ("부", "사", "의", "원", "모", "인", "장", "생", "님", "수", "관", "자")
# the last kanji of Japanese words for a trade or a role before a form of address ("本屋さん", "助産師さん", "校長先生",
# "担当者様", "新人さん", "子猫ちゃん")
_JAPANESE_ROLE_ENDS = frozenset("師士者屋員長頭人局工付親猫犬科室園御医護生達族司僚輩位")  # (位: "那位先生", a man)
# words of the same script for a person, after which (and a space) comes a name
_SCRIPT_PERSON = (r"환자|남편|아내|아들|딸|엄마|아빠|할머니|할아버지|동생|언니|오빠|누나|친구|보호자|"
                  r"患者|病人|利用者|夫|妻|息子|娘|老公|老婆|儿子|女儿|兒子|女兒|丈夫|太太|媽媽|妈妈|爸爸|同事|朋友|主人")
# a Korean full name (with its particle), kanji and katakana ("佐藤ハル"), a Japanese full name with its space ("高橋
# 健太"), or Chinese characters
_NAME_RUN = (rf"[{_HANGUL}]{{2,5}}|[{_HAN}]{{1,3}}[{_KATAKANA}]{{1,4}}|[{_HAN}]{{2}}[ \u3000][{_HAN}{_KATAKANA}]{{1,3}}"
             rf"(?![{_HAN}{_KANA}])|[{_HAN}]{{1,3}}")
_AFTER_LATIN = re.compile(rf"(?<![A-Za-z])(?P<cue>[A-Za-z][A-Za-z'’]*)\.?\s*[:：]?\s*(?P<n>{_NAME_RUN})"
                          rf"(?![{_HAN}{_KANA}{_HANGUL}])")
_AFTER_SCRIPT = re.compile(rf"(?:{_SCRIPT_PERSON})\s*[:：]?[ \u3000]+(?P<n>{_NAME_RUN})(?![{_HAN}{_KANA}{_HANGUL}])")
_CHINESE_ADDRESS = re.compile(rf"(?P<n>[{''.join(sorted(_CHINESE_SURNAMES - _NOT_ALONE))}])"
                              r"(?:医生|醫生|醫師|医师|先生|小姐|太太|女士|經理|经理|老師|老师|主任|護士|护士|教授|"
                              r"院長|院长|師傅|师傅|阿姨)")
_JAPANESE_ADDRESS = re.compile(rf"(?<![{_HAN}ごお御])(?P<n>[{_HAN}]{{2,3}}[{_KATAKANA}]{{0,4}})[ \u3000]?"
                               r"(?:さん|様|さま|くん|君|ちゃん|氏|先生)")
_KOREAN_ADDRESS = re.compile(rf"(?<![{_HANGUL}])(?P<n>[{_KOREAN_SURNAMES}][{_HANGUL}]{{2}})[ ]?님"
                             rf"|(?<![{_HANGUL}])(?P<s>[{_KOREAN_SURNAMES}][{_HANGUL}]{{1,2}})[ ]?씨"
                             rf"(?:[이가은는을를의께도랑]|에게|한테|께서)?(?![{_HANGUL}])")
_TRAILING_KATAKANA = re.compile(rf"[{_KATAKANA}]+$")
_KOREAN_FULL_NAME = re.compile(rf"[{_KOREAN_SURNAMES}][{_HANGUL}]{{2}}(?:[이가은는을를의도랑])?")
# Korean words that end so are clinical, not a name after a person word ("Dad 고혈압": his blood pressure)
_KOREAN_CLINICAL_ENDS = ("염", "통", "증", "병", "약", "과", "열", "압", "암", "혈")
# characters of Chinese clinical words that no given name has ("mom 高血压": her blood pressure)
_CLINICAL_CHARS = frozenset("病痛炎症药藥血压壓癌瘤热熱咳疼烧燒痒肿腫医醫院科检檢查针針糖尿胃肠腸肝肺脏臟龄齡")
_PERSON_EXTRA = frozenset(("patient", "pt", "client", "resident", "member"))


def cjk_name_candidates(text: str, add: Add) -> None:
    """Names in Chinese, Japanese and Korean letters after or before a person word (see the docstring)."""
    if not _ANY.search(text):
        return
    lex = P.lexicon()
    for m in _AFTER_LATIN.finditer(text):
        cue = fold(m.group("cue"))
        titled = cue in lex.titles or cue in _PERSON_EXTRA
        if titled or cue in lex.relations:
            _person_run(m, titled, add)
    for m in _AFTER_SCRIPT.finditer(text):
        _person_run(m, False, add, chinese=True)
    for m in _CHINESE_ADDRESS.finditer(text):
        add(("name", m.start("n"), m.end("n")))
    for m in _JAPANESE_ADDRESS.finditer(text):
        n = m.group("n")
        kanji = _TRAILING_KATAKANA.sub("", n)  # "佐藤ハル": the surname's last kanji
        if kanji[-1:] not in _JAPANESE_ROLE_ENDS and _CLINICAL_CHARS.isdisjoint(n):
            add(("name", m.start("n"), m.end("n")))
    for m in _KOREAN_ADDRESS.finditer(text):
        g = "n" if m.group("n") else "s"
        if (g == "s" and m.group("s") != "마음") or (g == "n" and not m.group("n").endswith(_KOREAN_ROLE_ENDS)):
            add(("name", m.start(g), m.end(g)))


def _person_run(m: re.Match[str], titled: bool, add: Add, *, chinese: bool = False) -> None:
    """A run after a person word (see the docstring): a Korean full name, a Japanese full name with its space or
    katakana, and Chinese characters after a title (or, ``chinese``, after a person word of the same script)."""
    run = m.group("n")
    first = run[0]
    if "\uac00" <= first <= "\ud7af":
        if _KOREAN_FULL_NAME.fullmatch(run) and not run.rstrip("이가은는을를의도랑").endswith(_KOREAN_CLINICAL_ENDS):
            add(("name", m.start("n"), m.end("n")))
    elif not _CLINICAL_CHARS.isdisjoint(run) or first in _NOT_ALONE:
        return
    elif (" " in run or "\u3000" in run or any("\u30a0" <= c <= "\u30ff" for c in run)) and first in _FIRST_KANJI:
        add(("name", m.start("n"), m.end("n")))  # "高橋 健太", "佐藤ハル" (not "老公 今天 出差")
    elif (titled and first in _FIRST_KANJI) or (chinese and first in _CHINESE_SURNAMES and len(run) > 1):
        add(("name", m.start("n"), m.end("n")))
