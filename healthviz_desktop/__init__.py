"""HealthViz Desktop: a private symptom journal that turns entries into de-identified visual metaphors."""

__version__ = "0.1.0"
APP_NAME = "HealthViz"
