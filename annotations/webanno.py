"""Placeholder blueprint: replaced by the real views."""
from flask import Blueprint

bp = Blueprint("webanno", __name__)
