"""`python -m utilsoc` runs the command line."""

from utilsoc.cli.app import main

main()
