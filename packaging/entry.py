"""PyInstaller's entry point: the same as `python -m counter_app` (window, or a subcommand).

`counter_app/__main__.py` uses a relative import, which a frozen top-level script cannot, so
the bundle starts here instead.
"""

import sys

from counter_app.launch import main

if __name__ == "__main__":
    sys.exit(main())
