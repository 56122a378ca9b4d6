from pathlib import Path

from assistant.core import Assistant
from assistant.settings import Settings
from tests.conftest import serving
from web.app import create_app
from wegwijzer.load import load


def test_the_load_test_counts_every_request_and_status(mini: Assistant, tmp_path: Path):
    with serving(create_app(Settings(data_dir=tmp_path), assistant=mini)) as url:
        result = load(url, clients=3, seconds=1.0, questions=["Waar kunnen mantelzorgers in Leiderdorp terecht?"])
    assert result["requests"] >= 3 and result["errors"] == 0 and result["statuses"] == {"200": result["requests"]}
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
