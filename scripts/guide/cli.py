"""The `guide` command: everything a writer, editor, translator or the build runs.

    guide --help              the list of commands
    guide COMMAND --help      what one command does and its options

Each command lives in its own module, which adds its subcommand with register() and
does the work in run(args). scripts/serve.sh, test.sh and build.sh call this command.
"""
from __future__ import annotations

import argparse

from . import (benchmark, content_checks, handouts, headers, html_validator, lighthouse, offline, readability, search_index,
               qr_codes, review, search_ranking, site_checks, slim_css, theme_html, translations)

# In the order `guide --help` lists them: writers' checks first, then build steps.
COMMANDS = [content_checks, readability, translations, review, site_checks, html_validator, search_ranking,
            search_index, slim_css, theme_html, qr_codes, headers, handouts, offline, lighthouse, benchmark]


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="guide", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = top.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(commands)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
