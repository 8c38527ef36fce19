"""`python -m guide ...` is the same as the `guide` command."""
import sys

from .cli import main

sys.exit(main())
