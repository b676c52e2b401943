import sys

from twinnings.cli import main

sys.exit(main())
