"""Every page reads plainly, uses respectful words, paraphrases the Steps, has the
shape a reader expects, and types no phone number. Each check is shown to catch a
bad sample, naming the file and line."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guide import content_checks as check_content
from guide.pages import languages, pages, prose, read_page, sentences, ui

ALL_PAGES = [p for lang in languages() for p in pages(lang)]
TODAY = dt.date.today()
NUMBERS = check_content.known_numbers()


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: f"{p.lang}/{p.slug}")
def test_page_passes_every_content_check(page):
    assert check_content.check(page, NUMBERS, TODAY) == []


# --- bad samples ----------------------------------------------------------------

GOOD_BODY = """
# A sample page

!!! abstract "{summary}"

    - One short point.

{text}

## Sources {{#sources}}

- A source. <https://example.org/>
"""
PLAIN_EN = "You can go to a meeting. You do not have to talk. Most people sit and listen. " * 20
PLAIN_ES = "Usted puede ir a una reunión. No tiene que hablar. Casi todos se sientan y escuchan. " * 20


def sample(tmp_path: Path, lang: str, text: str, reviewed: str = str(TODAY), body: str = GOOD_BODY):
    path = tmp_path / lang / "sample.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    summary = ui(lang)["in_short"]
    path.write_text(f"---\ntitle: Sample\ndescription: A sample.\nreviewed: {reviewed}\n---\n"
                    + body.format(summary=summary, text=text), encoding="utf-8")
    return read_page(path)


def problems(page):
    return check_content.check(page, NUMBERS, TODAY)


def test_plain_samples_pass(tmp_path):
    assert problems(sample(tmp_path, "en", PLAIN_EN)) == []
    assert problems(sample(tmp_path, "es", PLAIN_ES)) == []


def test_hard_english_fails_reading_level(tmp_path):
    hard = ("Contemporary epidemiological investigations demonstrate considerable heterogeneity regarding "
            "the effectiveness of community-based mutual-assistance organisations, notwithstanding "
            "methodological limitations inherent in observational longitudinal designs. ") * 12
    found = problems(sample(tmp_path, "en", hard))
    assert any("sample.md:1: reading level: Flesch-Kincaid grade" in p for p in found), found


def test_hard_spanish_fails_reading_level(tmp_path):
    hard = ("Las investigaciones epidemiológicas contemporáneas demuestran una considerable heterogeneidad "
            "respecto de la efectividad de las organizaciones comunitarias de ayuda mutua, independientemente "
            "de las limitaciones metodológicas inherentes a los diseños observacionales longitudinales. ") * 12
    found = problems(sample(tmp_path, "es", hard))
    assert any("reading level: Fernandez-Huerta" in p for p in found), found


def test_stigmatising_word_fails_with_its_line(tmp_path):
    page = sample(tmp_path, "en", PLAIN_EN + "\n\nEvery addict should stay clean.\n")
    found = problems(page)
    line = page.body_line + page.body.count("\n", 0, page.body.index("Every addict"))
    assert any(f"sample.md:{line}: stigmatising word 'addict'" in p for p in found), found
    assert any("stigmatising word 'clean'" in p for p in found), found


def test_spanish_stigmatising_word_fails(tmp_path):
    found = problems(sample(tmp_path, "es", PLAIN_ES + "\n\nEl adicto sigue limpio.\n"))
    assert any("stigmatising word 'adicto'" in p for p in found), found
    assert any("stigmatising word 'limpio'" in p for p in found), found


def test_members_own_words_in_quotation_marks_are_allowed(tmp_path):
    quoted_en = PLAIN_EN + '\n\nSome members say "I am an alcoholic" at meetings. Alcoholics Anonymous began in 1935.\n'
    quoted_es = PLAIN_ES + "\n\nAlgunos dicen «soy alcohólico». Alcohólicos Anónimos empezó en 1935.\n"
    assert problems(sample(tmp_path, "en", quoted_en)) == []
    assert problems(sample(tmp_path, "es", quoted_es)) == []
    unquoted = problems(sample(tmp_path, "en", PLAIN_EN + "\n\nAn alcoholic may come.\n"))
    assert any("stigmatising word 'alcoholic'" in p for p in unquoted), unquoted


def test_official_step_wording_fails(tmp_path):
    found = problems(sample(tmp_path, "en", PLAIN_EN + "\n\nWe were powerless over\nalcohol.\n"))
    assert any("official fellowship wording 'powerless over alcohol'" in p for p in found), found
    found = problems(sample(tmp_path, "es", PLAIN_ES + "\n\nAdmitimos que éramos impotentes ante el alcohol.\n"))
    assert any("official fellowship wording" in p for p in found), found


def test_typed_phone_numbers_fail(tmp_path):
    found = problems(sample(tmp_path, "en", PLAIN_EN + "\n\nCall 1-800-662-4357 or 988 now.\n"))
    assert any("phone number '1-800-662-4357'" in p for p in found), found
    assert any("help-line number '988'" in p for p in found), found


def test_numbers_that_are_not_phone_numbers_pass(tmp_path):
    text = PLAIN_EN + "\n\nA review of 10,000 adults in 2020. See <https://988lifeline.org/>.\n"
    assert problems(sample(tmp_path, "en", text)) == []


def test_page_shape_faults_fail(tmp_path):
    old = str(TODAY - dt.timedelta(days=800))
    found = problems(sample(tmp_path, "en", "Too short.", reviewed=old,
                            body="\n# Sample\n\n{text}\n"))
    assert any("no summary box" in p for p in found), found
    assert not any("reviewed" in p for p in found), "an old review date is `guide review`'s, never a failure"
    assert any("no Sources section" in p for p in found), found
    assert any("words of prose: a content page needs at least 300" in p for p in found), found


def test_sources_without_https_link_fail(tmp_path):
    body = GOOD_BODY.replace("<https://example.org/>", "A book on my shelf.")
    found = problems(sample(tmp_path, "en", PLAIN_EN, body=body))
    assert any("the Sources section has no https:// link" in p for p in found), found


def test_avoided_term_fails_with_its_line_and_the_word_to_use(tmp_path):
    page = sample(tmp_path, "es", PLAIN_ES + "\n\nSi está en peligro, vaya a Obtener ayuda ahora.\n")
    found = problems(page)
    line = page.body_line + page.body.count("\n", 0, page.body.index("Obtener"))
    assert any(f"sample.md:{line}: 'Obtener ayuda ahora': write 'Pida ayuda ahora' instead" in p for p in found), found


def test_word_list_must_say_what_to_use(tmp_path):
    from guide import data
    bad = tmp_path / "docs" / "data" / "terms.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("en: []\nes:\n  - {kind: term, avoid: 'reportar'}\n", encoding="utf-8")
    with pytest.raises(data.DataError, match=r"docs/data/terms\.yml:3: a word needs .*missing: use, why"):
        data.load_terms(["en", "es"], bad)


def test_a_wrapped_sentence_counts_as_one_sentence():
    """A line break inside a paragraph does not end a sentence (it made pages look easier)."""
    assert sentences(prose("This sentence goes on\nto a second line.\n")) == ["This sentence goes on to a second line."]
    assert sentences(prose("这句话写在\n两行上。\n")) == ["这句话写在两行上。"]


@pytest.mark.parametrize("lang, long_sentence", [
    ("zh", "如果您的家人在治疗结束以后又开始喝酒或者使用药物而且不愿意和您谈论这件事情也不愿意去看医生或者参加任何聚会，您可以先照顾好自己。"),
    ("vi", "Nếu người thân của bạn lại bắt đầu uống rượu hoặc dùng thuốc sau khi kết thúc điều trị và không muốn nói chuyện với bạn về việc này hay đi gặp bác sĩ hay đi họp thì bạn vẫn có thể chăm sóc bản thân mình trước."),
    ("ar", "إذا عاد أحد أفراد عائلتك إلى الشرب أو التعاطي بعد انتهاء العلاج ولم يرغب في الحديث معك عن ذلك أو في زيارة الطبيب أو حضور أي اجتماع فيمكنك أن تعتني بنفسك أولًا وأن تطلب الدعم من مجموعة للعائلات."),
])
def test_long_sentences_fail_in_languages_without_a_formula(tmp_path, lang, long_sentence):
    """Chinese, Vietnamese and Arabic are held to a mean sentence length (guide/readability.py)."""
    found = problems(sample(tmp_path, lang, (long_sentence + "\n\n") * 30))
    assert any("reading level" in p and "per sentence" in p for p in found), found


@pytest.mark.parametrize("lang, text, word", [
    ("zh", "他是一个瘾君子。", "瘾君子"),
    ("vi", "Anh ấy là con nghiện.", "con nghiện"),
    ("ar", "هو مدمن منذ سنوات.", "مدمن"),
])
def test_stigmatising_words_fail_in_every_language(tmp_path, lang, text, word):
    filler = {"zh": "您可以去参加聚会。您不必说话。", "vi": "Bạn có thể đi họp. Bạn không phải nói gì. ",
              "ar": "يمكنك أن تذهب إلى اجتماع. لا يجب أن تتكلم. "}[lang] * 40
    found = problems(sample(tmp_path, lang, filler + "\n\n" + text + "\n"))
    assert any(f"'{word}'" in p and "sample.md:" in p for p in found), found


def test_fellowship_names_are_not_flagged(tmp_path):
    filler = "يمكنك أن تذهب إلى اجتماع. لا يجب أن تتكلم. " * 40
    found = problems(sample(tmp_path, "ar", filler + "\n\nاجتماعات «زمالة المدمنين المجهولين» مفتوحة.\n"))
    assert not any("stigmatising" in p for p in found), found


def test_a_line_break_inside_a_chinese_paragraph_is_caught(tmp_path):
    """The browser shows it as a space between two characters."""
    filler = "您可以去参加聚会。您不必说话。" * 40
    found = problems(sample(tmp_path, "zh", filler + "\n\n您可以先听\n别人说话。\n"))
    assert any("sample.md:" in p and "line break between Chinese characters" in p for p in found), found
