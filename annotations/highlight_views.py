"""Placeholder blueprint: replaced by the real views."""
from flask import Blueprint

bp = Blueprint("highlight_views", __name__)
