from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and its `load_demo` command; it sits above every other app and is imported by none."""

    name = "demo"
