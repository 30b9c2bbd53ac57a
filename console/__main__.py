"""``python -m console`` and the ``tandem`` command."""

import sys


def main() -> None:
    from console.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
