"""The browser tests fail in CI when chromium is missing, and skip (saying why) elsewhere."""
import pytest

from e2e_browser import require_chromium


def test_missing_chromium_fails_in_ci(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="required in CI"):
        require_chromium(tmp_path / "no-chromium", env={"CI": "true"})


def test_missing_chromium_skips_on_a_dev_machine(tmp_path):
    with pytest.raises(pytest.skip.Exception, match="install Debian's chromium"):
        require_chromium(tmp_path / "no-chromium", env={})


def test_present_chromium_is_used(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("")
    assert require_chromium(fake, env={"CI": "true"}) == str(fake)
