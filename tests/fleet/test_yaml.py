"""The exports' YAML writer: what it writes reads back as the same data, with PyYAML (YAML 1.1)."""

from __future__ import annotations

import yaml

from django_prodserver.fleet.export.yaml import Comment, document

DATA = {
    "services": {
        "web": {
            "command": ["python", "-c", "print('a: b # c')"],
            "environment": {"ON": "yes", "No": "0", "Y": "null", "PORT": "8000", "A": "1e3"},
            "replicas": 3,
            "empty": {},
            "ports": [{"name": "http", "containerPort": 8000}, {"name": "metrics", "containerPort": 9090}],
        }
    }
}


def test_what_it_writes_reads_back_unchanged() -> None:
    assert yaml.safe_load(document(DATA)) == DATA


def test_comments_are_lines_of_their_own() -> None:
    text = document({"a": {Comment("drains on SIGTERM"): None, "b": 1}})
    assert text == "a:\n  # drains on SIGTERM\n  b: 1\n"
    assert yaml.safe_load(text) == {"a": {"b": 1}}
