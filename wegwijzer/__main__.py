from wegwijzer.cli import main

raise SystemExit(main())
