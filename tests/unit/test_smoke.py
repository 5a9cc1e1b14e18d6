from django_prodserver.backends.granian import GranianASGIArgs


def test_seed_example_validates() -> None:
    args = GranianASGIArgs.model_validate({"address": "0.0.0.0", "port": "8000", "workers": "4"})
    assert (args.address, args.port, args.workers) == ("0.0.0.0", 8000, 4)
