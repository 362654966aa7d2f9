#!/usr/bin/env bash
# Every example of the Danish velkomst(1)'s EKSEMPLER, run as that page
# writes it (tests/cli/examples.sh does the work).
export PAGE="$(cd "$(dirname "$0")/../.." && pwd)/man/da/velkomst.1"
export SECTION=EKSEMPLER SUITE=cli/examples-da
exec bash "$(dirname "$0")/examples.sh"
