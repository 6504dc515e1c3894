"""Demo data: three realistic key accounts and the team working on them."""

from app.demo.loader import DEMO_ACCOUNT_NAMES, load_demo

__all__ = ["DEMO_ACCOUNT_NAMES", "load_demo"]
