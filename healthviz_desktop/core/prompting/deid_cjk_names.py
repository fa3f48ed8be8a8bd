"""Round seventeen of issue 15 (the tuning corpus's entries by East Asian writers): names written in Chinese
characters, Japanese kana and Korean Hangul, which no capital marks and no word list holds ("Dr. 黃志明 said",
"Husband 준호 drove", "Patient: 高橋 健太", "환자 이정민", "王医生 said rest", "田中さん", "김민수 씨"). A run of those
letters is a name where one of three cues makes it one:

- a person word of the Latin text right before it (a title, a relation, "patient", "client"): a Korean run of two
  to four syllables (a name with its particle, "준호가"), or Chinese characters that start with a common surname's
  character, or a Japanese full name written as surname, space, given name;
- a person word of the same script right before it, with a space ("환자 이정민", "利用者 佐藤ハル", "患者 王小明");
- a form of address right after it: in Chinese after a common surname's character ("王医生", "陳經理"), in Japanese
  after two or three kanji that are no word for a role ("田中さん", "佐藤ハル 様"; never "看護師さん"), in Korean
  after a surname's syllable and one or two more that are no word for a role ("김민수 씨", "이정민님"; never
  "선생님", "사장님", "고객님").
The form of address itself stays ("王[NAME]" would hide the surname; "[NAME]医生" keeps that a doctor spoke).
Plain code shared by the fast de-identifier and the reference one (deid_cued.cued_candidates).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.vocabulary import fold

Add = Callable[[tuple[str, int, int]], None]

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KATAKANA = "\u30a0-\u30ff"
_KANA = "\u3040-\u30ff"
_HANGUL = "\uac00-\ud7af"
_ANY = re.compile(f"[{_HAN}{_KANA}{_HANGUL}]")
# the hundred commonest Chinese surnames (simplified and traditional)
_CHINESE_SURNAMES = frozenset(
    "王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧田董袁潘"
    "于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦付方白鄒邹孟熊秦邱江尹薛閻阎段雷"
    "侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔向湯汤歐欧")
# and the first kanji of the commonest Japanese surnames, read only after a person word of the Latin text ("Dr.
# 山田"): many start everyday words too (今, 前, 新, 和), which a form of address after them does not make a name
_FIRST_KANJI = _CHINESE_SURNAMES | frozenset(
    "佐鈴渡伊山加吉松井木斎斉清森池橋阿前藤岡長村坂遠青西福太三後原野竹今近丸内川菅平北宮増桜柴酒工久横宇安"
    "杉服千市河須永島浅荒秋土水和菊新岩望月沢澤堀浜濱")
# the commonest Korean surnames' syllables (not the rare ones that start everyday words: 어, 인, 제, 모, 국)
_KOREAN_SURNAMES = ("김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽"
                    "성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금")
# Korean words for a role that a form of address follows ("선생님", "사장님") and that start with a surname's syllable
_KOREAN_ROLES = frozenset(str.split("""선생 선배 사장 원장 부장 과장 팀장 실장 차장 이사 이사장 조장 반장 고객 기사 소장
    국장 전무 상무 장로 권사 신부 박사 교장 주임 전도사 주무관 전문의 간사 위원 위원장 회원 신도 성도 안내 정비사
    공무원 강사 방장 시장 서장 한의사 여사 도우미 보호자 기장 선장 조교 수간호사 주치의 구청장 동장 이장 주인 고모
    이모 장모 도련 하나 임금 공주 왕자 마음"""))
# Japanese words for a person by role that a form of address follows ("看護師さん", "先生様")
_JAPANESE_ROLES = frozenset(str.split("""看護師 看護婦 先生 医者 歯医者 患者 薬剤師 主治医 担当医 院長 部長 課長 社長
    店長 係長 師長 婦長 奥 皆 赤 彼 彼女 息子 旦那 主人 保育士 担任 大家 友達 同僚 上司 利用者 隣 近所 叔母 叔父 伯母
    伯父 祖母 祖父 孫 娘 嫁 母 父 兄 姉 弟 妹 家族 運転手 介護士 相談員 担当 先輩 後輩 店員 医師 技師"""))
# words before a Chinese form of address that start with a surname's character ("任何医生": any doctor; "高级医生":
# a senior one)
_CHINESE_NOT_NAMES = frozenset(("任何", "高级", "高級"))
# words of the same script for a person, after which (and a space) comes a name
_SCRIPT_PERSON = (r"환자|남편|아내|아들|딸|엄마|아빠|할머니|할아버지|동생|언니|오빠|누나|친구|보호자|"
                  r"患者|病人|利用者|夫|妻|息子|娘|老公|老婆|儿子|女儿|兒子|女兒|丈夫|太太|媽媽|妈妈|爸爸|同事|朋友|主人")
# a Korean name (with its particle), kanji and katakana ("佐藤ハル"), a Japanese full name with its space ("高橋 健太"),
# or Chinese characters
_NAME_RUN = (rf"[{_HANGUL}]{{2,5}}|[{_HAN}]{{1,3}}[{_KATAKANA}]{{1,4}}|[{_HAN}]{{2}}[ \u3000][{_HAN}{_KATAKANA}]{{1,3}}"
             rf"(?![{_HAN}{_KANA}])|[{_HAN}]{{1,3}}")
_AFTER_LATIN = re.compile(rf"(?<![A-Za-z])(?P<cue>[A-Za-z][A-Za-z'’]*)\.?\s*[:：]?\s*(?P<n>{_NAME_RUN})"
                          rf"(?![{_HAN}{_KANA}{_HANGUL}])")
_AFTER_SCRIPT = re.compile(rf"(?:{_SCRIPT_PERSON})\s*[:：]?[ \u3000]+(?P<n>{_NAME_RUN})(?![{_HAN}{_KANA}{_HANGUL}])")
_CHINESE_ADDRESS = re.compile(rf"(?P<n>[{''.join(sorted(_CHINESE_SURNAMES))}][{_HAN}]{{0,2}}?)"
                              r"(?:医生|醫生|醫師|医师|先生|小姐|太太|女士|經理|经理|老師|老师|主任|護士|护士|教授|"
                              r"院長|院长|師傅|师傅|阿姨)")
_JAPANESE_ADDRESS = re.compile(rf"(?<![{_HAN}])(?P<n>[{_HAN}]{{2,3}}[{_KATAKANA}]{{0,4}})[ \u3000]?"
                               r"(?:さん|様|さま|くん|君|ちゃん|氏|先生)")
_KOREAN_ADDRESS = re.compile(rf"(?<![{_HANGUL}])(?P<n>[{_KOREAN_SURNAMES}][{_HANGUL}]{{1,2}}?)[ ]?(?:씨|님)"
                             rf"(?:[이가은는을를의께도랑]|에게|한테|께서)?(?![{_HANGUL}])")
# Korean words that end so are clinical, not a name after a person word ("my son 발열": a fever)
_KOREAN_CLINICAL_ENDS = ("염", "통", "증", "병", "약", "과", "열")
# characters of Chinese clinical words that no given name has ("mom 高血压": her blood pressure)
_CLINICAL_CHARS = frozenset("病痛炎症药藥血压壓癌瘤热熱咳疼烧燒痒肿腫医醫院科检檢查针針糖尿胃肠腸肝肺脏臟")
_PERSON_EXTRA = frozenset(("patient", "pt", "client", "resident", "member"))


def cjk_name_candidates(text: str, add: Add) -> None:
    """Names in Chinese, Japanese and Korean letters after or before a person word (see the docstring)."""
    if not _ANY.search(text):
        return
    lex = P.lexicon()
    for m in _AFTER_LATIN.finditer(text):
        cue = fold(m.group("cue"))
        if cue in lex.titles or cue in lex.relations or cue in _PERSON_EXTRA:
            _person_run(text, m, cue in lex.titles, add)
    for m in _AFTER_SCRIPT.finditer(text):
        _person_run(text, m, False, add)
    for rx, roles in ((_CHINESE_ADDRESS, _CHINESE_NOT_NAMES), (_JAPANESE_ADDRESS, _JAPANESE_ROLES),
                      (_KOREAN_ADDRESS, _KOREAN_ROLES)):
        for m in rx.finditer(text):
            if m.group("n") not in roles and _CLINICAL_CHARS.isdisjoint(m.group("n")):
                add(("name", m.start("n"), m.end("n")))


def _person_run(text: str, m: re.Match[str], titled: bool, add: Add) -> None:
    """A run after a person word: Korean of two syllables or more (no clinical word), Chinese characters starting
    with a surname's (one alone only after a title: "dr 李"), or a Japanese full name with its space."""
    run = m.group("n")
    first = run[0]
    if "\uac00" <= first <= "\ud7af":
        if not run.endswith(_KOREAN_CLINICAL_ENDS):
            add(("name", m.start("n"), m.end("n")))
    elif (" " in run or "\u3000" in run or (first in _FIRST_KANJI and (len(run) > 1 or titled))) \
            and _CLINICAL_CHARS.isdisjoint(run):
        add(("name", m.start("n"), m.end("n")))
