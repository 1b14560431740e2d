"""User configuration: config.toml under the user config dir, with a [keymap] table."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


class ConfigError(Exception):
    """The config file cannot be read or is malformed; the message is one line."""


@dataclass(frozen=True, slots=True)
class Config:
    """Settings read from config.toml: a theme name and binding-id -> keys overrides."""

    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)


def config_path() -> Path:
    """Where the config file lives (platformdirs user config dir, honours XDG_CONFIG_HOME)."""
    from platformdirs import user_config_path

    return user_config_path("reader") / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults."""
    path = path or config_path()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return Config()
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise ConfigError(f"{path}: theme must be a string")
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keymap.items()
    ):
        raise ConfigError(f'{path}: [keymap] must map binding ids to key strings, e.g. next-mention = "n"')
    return Config(theme=theme, keymap=dict(keymap))


def env_config_path() -> Path | None:
    """An explicit config file from READER_CONFIG, if set."""
    value = os.environ.get("READER_CONFIG")
    return Path(value) if value else None
