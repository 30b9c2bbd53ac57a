"""Entry point of the frozen Tandem bundle: the same `main` as the `tandem` command."""

import sys

from console.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
