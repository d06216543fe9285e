"""The question form's self-hosted captcha (DIALOGUE_CAPTCHA): on by default in production,
switched off by setting; one attempt per challenge, no replay, not too fast, not too old."""

import base64
import hashlib
import hmac
import json
import re

import pytest

from dialogue import captcha
from dialogue.captcha import NUMBERS, words_to_number
from dialogue.models import Question

from .conftest import ASK
from .forms import question_form


@pytest.fixture
def captcha_on(settings):
    settings.DIALOGUE_CAPTCHA = True
    settings.DIALOGUE_CAPTCHA_MIN_SECONDS = 0


def challenge(client):
    """What a person does: read the question on the page and work it out."""
    html = client.get(ASK).content.decode()
    token = re.search(r'name="captcha_token" value="([^"]+)"', html).group(1)
    words = re.search(r'for="id_captcha_answer">([^<]+) bằng mấy\?', html).group(1).lower()
    first, operator, second = re.fullmatch(r"(\S+) (cộng|trừ) (\S+)", words).groups()
    first, second = NUMBERS.index(first), NUMBERS.index(second)
    return token, first + second if operator == "cộng" else first - second


def answered(sector, leader, token, answer, **fields):
    return question_form(sector, leader, captcha_token=token, captcha_answer=str(answer), **fields)


def test_production_default_is_on():
    from portal.settings import base

    assert base.DIALOGUE_CAPTCHA is True


def test_off_the_form_has_no_captcha_and_is_accepted(client, post, sector, leader, settings):
    settings.DIALOGUE_CAPTCHA = False
    html = client.get(ASK).content.decode()
    assert "bằng mấy?" not in html and "captcha" not in html
    assert post(question_form(sector, leader)).status_code == 200
    assert Question.objects.count() == 1


def test_on_the_question_is_a_labelled_text_field(client, section, captcha_on):
    html = client.get(ASK).content.decode()
    assert re.search(r'<label for="id_captcha_answer">\w+ (cộng|trừ) \w+ bằng mấy\?', html)
    assert 'id="id_captcha_answer"' in html
    assert "Nhập kết quả bằng chữ số hoặc bằng chữ" in html
    assert "<img" not in html.split('name="captcha_token"')[1].split("</form>")[0]


def test_right_answer_in_digits_or_in_words_is_accepted(client, post, sector, leader, captcha_on):
    token, answer = challenge(client)
    assert post(answered(sector, leader, token, answer)).status_code == 200
    token, answer = challenge(client)
    in_words = NUMBERS[answer] if answer <= 10 else f"mười {NUMBERS[answer - 10]}"
    second = answered(sector, leader, token, in_words, content="Câu hỏi thứ hai, khác câu đầu.")
    assert post(second).status_code == 200
    assert Question.objects.count() == 2


def test_missing_or_wrong_answer_is_refused(client, post, sector, leader, captcha_on):
    assert post(question_form(sector, leader)).status_code == 400
    token, answer = challenge(client)
    wrong = post(answered(sector, leader, token, answer + 1))
    assert wrong.status_code == 400
    assert "Kết quả chưa đúng, xin trả lời câu hỏi kiểm tra mới." in wrong.content.decode()
    assert Question.objects.count() == 0


def test_one_attempt_per_challenge(client, post, sector, leader, captcha_on):
    """A robot cannot try every answer against the same challenge."""
    token, answer = challenge(client)
    post(answered(sector, leader, token, answer + 1))
    assert post(answered(sector, leader, token, answer)).status_code == 400
    assert Question.objects.count() == 0


def test_a_solved_challenge_cannot_be_replayed_even_much_later(
    client, post, sector, leader, captcha_on, monkeypatch
):
    import datetime

    from django.utils import timezone

    token, answer = challenge(client)
    assert post(answered(sector, leader, token, answer)).status_code == 200
    later = timezone.now() + datetime.timedelta(minutes=29)
    monkeypatch.setattr("dialogue.throttling.timezone.now", lambda: later)
    replay = post(answered(sector, leader, token, answer, content="Gửi lại bằng lời giải cũ."))
    assert replay.status_code == 400
    assert Question.objects.count() == 1


def test_an_answer_sooner_than_a_person_could_is_refused(
    client, post, sector, leader, captcha_on, settings, monkeypatch
):
    import time

    settings.DIALOGUE_CAPTCHA_MIN_SECONDS = 3
    token, answer = challenge(client)
    fast = post(answered(sector, leader, token, answer))
    assert fast.status_code == 400
    assert "Bạn gửi nhanh quá" in fast.content.decode()

    token, answer = challenge(client)
    real_time = time.time
    monkeypatch.setattr("dialogue.captcha.time.time", lambda: real_time() + 5)
    assert post(answered(sector, leader, token, answer)).status_code == 200


def test_an_expired_or_forged_challenge_is_refused(
    client, post, sector, leader, captcha_on, monkeypatch
):
    import time

    token, answer = challenge(client)
    real_time = time.time
    monkeypatch.setattr("django.core.signing.time.time", lambda: real_time() + 31 * 60)
    assert post(answered(sector, leader, token, answer)).status_code == 400
    monkeypatch.undo()
    assert post(answered(sector, leader, token + "x", answer)).status_code == 400
    assert Question.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9", 9),
        (" chín ", 9),
        ("Mười", 10),
        ("mười lăm", 15),
        ("mười năm", 15),
        ("mười bốn", 14),
        ("mười tư", 14),
        ("hai mươi", 20),
        ("không", 0),
        ("mười mười", None),
        ("abc", None),
        ("", None),
    ],
)
def test_answers_in_words(text, value):
    assert words_to_number(text) == value


def test_decoding_the_token_gives_no_answer(client, section, captcha_on):
    """The token is signed, not encrypted: anyone can decode it, so it must hold no answer."""
    token, answer = challenge(client)
    encoded = token.split(":")[0]  # what a script reads, without the server's key
    payload = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))

    assert set(payload) == {"h", "n", "t"}
    assert answer not in payload.values() and str(answer) not in payload.values()
    # Without the server's key, no candidate answer reproduces the digest.
    for guess in range(21):
        for digest in (
            hashlib.sha256(f"{payload['n']}:{guess}".encode()).hexdigest(),
            hashlib.sha256(str(guess).encode()).hexdigest(),
            hmac.new(b"", f"{payload['n']}:{guess}".encode(), hashlib.sha256).hexdigest(),
        ):
            assert digest != payload["h"]
    # The server, with its key, recognises the right answer only.
    assert captcha.answer_digest(payload["n"], answer) == payload["h"]
    assert captcha.answer_digest(payload["n"], answer + 1) != payload["h"]
