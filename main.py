"""Run Stakemap from a checkout: `python main.py [--db PATH] [--lang zh_CN|en] [COMMAND]`."""

from app.cli import entry_point

if __name__ == "__main__":
    entry_point()
