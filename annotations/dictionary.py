"""Placeholder: owned by the dictionary work; replaced by the real module."""
from sqlite_utils import Migrations

migrations = Migrations("randnotiz.dictionary")
