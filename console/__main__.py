"""``python -m console`` and the ``tandem`` command."""

import os
import sys


def main() -> None:
    from console.cli import main as cli_main

    try:
        code = cli_main()
        sys.stdout.flush()
    except BrokenPipeError:  # `tandem export X | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    except KeyboardInterrupt:
        print("tandem: interrupted", file=sys.stderr)
        code = 130
    sys.exit(code)


if __name__ == "__main__":
    main()
