"""Placeholder blueprint: replaced by the real views."""
from flask import Blueprint

bp = Blueprint("words_views", __name__)
