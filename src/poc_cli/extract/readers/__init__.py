"""The format readers behind :mod:`poc_cli.extract.read`: one module per kind that needs a
library (``html`` through selectolax, ``pdf`` through pypdfium2).  Import them only inside the
function that reads that kind: each pulls in a compiled library, and poc's start-up must not.
"""
