"""What the frozen binary runs: the same entry point as the ``healthviz`` console script."""

import sys

from healthviz_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
